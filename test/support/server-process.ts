// The real server (or any script) as a child process on a free port: the ops tests and the
// benchmarks start their servers this way.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildServer } from "../../scripts/build";

export const ADMIN = { email: "ops-admin@example.org", password: "ops admin password" };

/**
 * A process's /proc/<pid>/stat after its command name (in parentheses, and it may hold spaces):
 * [0] its state ("Z" once it has exited), [1] its parent's pid, [11] and [12] its user and system
 * CPU time in clock ticks. Undefined once the process is gone.
 */
export function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Output kept for messages and checks; beyond it a busy server's request log is only counted. */
const KEPT_OUTPUT = 1_000_000;

export interface Child {
  url: string;
  process: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Date.now() when the process was spawned (a CPU profile starts about then). */
  spawnedAt: number;
  /** Bytes the child wrote to stdout (its request log) since start. */
  stdoutBytes(): number;
  /** Its output (stdout and stderr, up to the first megabyte), for checks and error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after 15 s; resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Runs `script` on Node (a TypeScript one through tsx) with `env` plus PORT/HOST/PUBLIC_URL on a
 * free port and resolves once its output shows `ready`. stdout is drained as it comes: at log level
 * info the server writes a JSON line per request, and a pipe that is read promptly is what a log
 * collector would give it.
 */
export function startChild(script: string, env: Record<string, string>, ready: string, nodeArgs: string[] = []): Promise<Child> {
  const loader = script.endsWith(".ts") ? ["--import", "tsx"] : [];
  return spawnUntilReady(process.execPath, [...nodeArgs, ...loader, script], env, ready);
}

/** `command args` as startChild runs a script: on a free port, resolved once its output shows `ready`. */
async function spawnUntilReady(command: string, args: string[], env: Record<string, string>, ready: string): Promise<Child> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const spawnedAt = Date.now();
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: url, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let bytes = 0;
  const keep = (chunk: Buffer) => {
    if (output.length < KEPT_OUTPUT) output += chunk.toString();
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    keep(chunk);
  });
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (!output.includes(ready)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${args.at(-1)} did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    process: child,
    exited,
    spawnedAt,
    stdoutBytes: () => bytes,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface ServerProcess {
  url: string;
  dataDir: string;
  /** Beside dataDir (never inside it), and the same for a server started again on the same dataDir. */
  secretsDir: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let bundle: Promise<string> | undefined;

/**
 * The server as `npm start` runs it: src/ bundled into dist/server.mjs. Built once per test process
 * from the source as it is now, so a server process never runs older code than the test beside it.
 */
export function builtServer(): Promise<string> {
  bundle ??= buildServer();
  return bundle;
}

/** What the server prints once it listens. */
const READY = "netmirror is running at";

/** Node's arguments for the built server, as `npm start` gives them. */
export const SERVER_NODE_ARGS = ["--enable-source-maps"];

/** The built server as a child process with `env` (its DATA_DIR and the rest), once it listens. */
export async function startServerChild(env: Record<string, string>, nodeArgs: string[] = []): Promise<Child> {
  return startChild(await builtServer(), env, READY, [...nodeArgs, ...SERVER_NODE_ARGS]);
}

/**
 * `npm start` itself, as an operator runs it: it builds the bundle, then execs Node on it, so the
 * process is npm's and SIGTERM reaches the server through npm. npm_execpath names the npm that runs
 * the tests; without it, the npm on the PATH.
 */
function startThroughNpm(env: Record<string, string>): Promise<Child> {
  const npm = process.env.npm_execpath;
  return npm ? spawnUntilReady(process.execPath, [npm, "start"], env, READY) : spawnUntilReady("npm", ["start"], env, READY);
}

/**
 * Starts the real server (the bundle `npm start` runs) as a child process on a free port and waits
 * until it listens; with `npmStart`, through `npm start` itself.
 */
export async function startServer(
  options: { dataDir?: string; env?: Record<string, string>; npmStart?: boolean } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "netmirror-server-"));
  const secretsDir = `${dataDir}-secrets`;
  const env = {
    DATA_DIR: dataDir,
    SECRETS_DIR: secretsDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: "warn",
    ...options.env,
  };
  const server = options.npmStart ? await startThroughNpm(env) : await startServerChild(env);
  return { url: server.url, dataDir, secretsDir, child: server.process, output: server.output, exited: server.exited };
}

/** JSON over real HTTP, with the session cookie and our Origin. */
export async function http(server: ServerProcess, method: string, path: string, body?: unknown, cookie?: string) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { "Content-Type": "application/json", Origin: server.url, ...(cookie ? { Cookie: `nm_session=${cookie}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

/**
 * Signs in as the admin and prepares an open invite round of `size` members; returns their tokens
 * and the admin's cookie.
 */
export async function prepareRound(server: ServerProcess, size: number) {
  const login = await http(server, "POST", "/api/v1/auth/login", ADMIN);
  const cookie = /nm_session=([^;]+)/.exec(login.headers.get("set-cookie") ?? "")?.[1];
  const network = await http(server, "POST", "/api/v1/networks", { name: "Durability network" }, cookie);
  const members = Array.from({ length: size }, (_, i) => ({ name: `Member ${i}`, email: `m${i}@example.org` }));
  await http(server, "POST", `/api/v1/networks/${network.json.id}/members`, { members }, cookie);
  const round = await http(server, "POST", `/api/v1/networks/${network.json.id}/rounds`, { title: "Load round", minResponses: 3 }, cookie);
  await http(server, "POST", `/api/v1/rounds/${round.json.id}/open`, undefined, cookie);
  const links = await http(server, "POST", `/api/v1/rounds/${round.json.id}/invitations`, { all: true }, cookie);
  const tokens: string[] = links.json.invitations.map((i: { url: string }) => i.url.slice(i.url.lastIndexOf("/") + 1));
  return { cookie, roundId: round.json.id as string, tokens };
}

/** A full response: every statement of core v1 answered, plus the about-you questions. */
export function fullResponse(seed: number) {
  const answers: Record<string, number | string> = {};
  for (const theme of ["purpose", "relationships", "communication", "governance", "value"]) {
    for (let i = 1; i <= 5; i++) answers[`${theme}.${i}`] = ((seed + i) % 6 === 0 ? "dont_know" : ((seed + i) % 5) + 1) as number | string;
  }
  return { answers, overall: seed % 11, trend: "better", involvement: "active", comments: { purpose: `Comment ${seed}` } };
}
