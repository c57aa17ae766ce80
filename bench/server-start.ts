// A server's start and stop: the bundle `npm start` runs against the same server through tsx, as it
// started before the bundle, and how long SIGTERM takes with a client's idle keep-alive connection.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Child, startChild, startServerChild } from "../test/support/server-process";
import { type Figure, figure } from "./figures";
import { serverDirs } from "./open-round";
import { treeCpuMs } from "./report-support";
import { median } from "./stats";

const SECTION = "Server start";
const STARTS = 3;
interface Start {
  /** CPU milliseconds to listening. */
  cpu: number;
  ms: number;
  /** SIGTERM to exit, after one request left an idle keep-alive connection. */
  stopMs: number;
}

async function measure(start: (env: Record<string, string>) => Promise<Child>): Promise<Start> {
  const dir = mkdtempSync(join(tmpdir(), "bench-start-"));
  try {
    const child = await start({ ...serverDirs(dir), LOG_LEVEL: "warn" });
    const ms = Date.now() - child.spawnedAt;
    const cpu = treeCpuMs(child.process.pid as number);
    // fetch keeps the connection open after the answer, as a browser would.
    await (await fetch(`${child.url}/api/v1/health`)).text();
    const stopping = Date.now();
    await child.stop();
    return { cpu, ms, stopMs: Date.now() - stopping };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-secrets`, { recursive: true, force: true });
  }
}

export async function benchServerStart(): Promise<{ figures: Figure[] }> {
  const bundle: Start[] = [];
  const tsx: Start[] = [];
  for (let i = 0; i < STARTS; i++) {
    bundle.push(await measure((env) => startServerChild(env)));
    tsx.push(await measure((env) => startChild("src/server.ts", env, "netmirror is running at")));
  }
  const cpu = { bundle: median(bundle.map((s) => s.cpu)), tsx: median(tsx.map((s) => s.cpu)) };
  const ms = { bundle: median(bundle.map((s) => s.ms)), tsx: median(tsx.map((s) => s.ms)) };
  const section = SECTION;
  return {
    figures: [
      figure({
        section,
        name: `server start, CPU to listening, median of ${STARTS}`,
        value: cpu.bundle,
        unit: "ms",
        reference: { name: "the same server through tsx", value: cpu.tsx },
        note: "node --enable-source-maps dist/server.mjs, as npm start runs it",
      }),
      figure({
        section,
        name: `server start, spawn to listening, median of ${STARTS}`,
        value: ms.bundle,
        unit: "ms",
        reference: { name: "the same server through tsx", value: ms.tsx },
      }),
      figure(
        {
          section,
          name: `SIGTERM to exit with a client's idle keep-alive connection, median of ${STARTS}`,
          value: median(bundle.map((s) => s.stopMs)),
          unit: "ms",
        },
        { text: "≤ 1 s", test: (f) => f.value <= 1000 },
      ),
    ],
  };
}
