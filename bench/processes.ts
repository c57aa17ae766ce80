// Child processes the bench measures: the real server and the bare baseline, each in its own
// process so that neither shares an event loop with autocannon.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

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

export interface Child {
  url: string;
  pid: number;
  /** Date.now() when the process was spawned (a CPU profile starts about then). */
  spawnedAt: number;
  /** Bytes the child wrote to stdout (its request log) since start. */
  stdoutBytes(): number;
  /** Its stderr and the start of its stdout, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs `node --import tsx <script>` with `env` plus PORT/HOST and resolves once stdout shows
 * `ready`. stdout is drained and only counted: at log level info the server writes a JSON line per
 * request, and a pipe that is read promptly is what a log collector would give it.
 */
export async function startChild(script: string, env: Record<string, string>, ready: string, extraArgs: string[] = []): Promise<Child> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const spawnedAt = Date.now();
  const child: ChildProcess = spawn(process.execPath, [...extraArgs, "--import", "tsx", script], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: url, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let head = "";
  let bytes = 0;
  child.stdout?.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (head.length < 20_000) head += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    head += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  while (!head.includes(ready)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${script} did not start:\n${head}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    pid: child.pid ?? -1,
    spawnedAt,
    stdoutBytes: () => bytes,
    output: () => head,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
