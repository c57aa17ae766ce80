import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ADMIN = { email: "ops-admin@example.org", password: "ops admin password" };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface ServerProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the real server (`src/server.ts`) as a child process on a free port and waits until it listens. */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "netmirror-server-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  while (!output.includes("netmirror is running at")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`The server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, dataDir, child, output: () => output, exited };
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
