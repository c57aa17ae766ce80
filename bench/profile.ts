// npx tsx bench/profile.ts [server|baseline|grouped]: one process under the submission load with
// --cpu-prof, then where its CPU time went while loaded. A diagnosis aid beside `npm run bench`.
//   server    the real server, LOG_LEVEL=info (default)
//   baseline  the bare app, one transaction per request
//   grouped   the bare app through the group commit
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fullResponse, startChild, startServerChild } from "../test/support/server-process";
import { runInterleaved } from "./load";
import { DB_FILE, seedOpenRound, serverDirs } from "./open-round";
import { type CpuProfile, summariseProfile } from "./profile-summary";

const VERBS = [
  "resolveLink",
  "parseInput",
  "submitResponseGrouped",
  "flush",
  "store",
  "sqliteTransaction",
  "insertRows",
  "safeParse",
  "hashToken",
];
const which = process.argv[2] ?? "server";

const dir = mkdtempSync(join(tmpdir(), "bench-profile-"));
const profiles = join(dir, "profiles");
const prof = ["--cpu-prof", `--cpu-prof-dir=${profiles}`];
try {
  const { tokens } = seedOpenRound(dir, 40_000);
  const child =
    which === "server"
      ? await startServerChild({ ...serverDirs(dir), LOG_LEVEL: "info" }, prof)
      : await startChild("bench/baseline-server.ts", { BENCH_DB: join(dir, `baseline-${DB_FILE}`) }, "baseline listening", prof);
  const path = (i: number) => (which === "grouped" ? `/grouped/x${i}/response` : `/api/v1/s/${tokens[i] ?? ""}/response`);
  const bodies = Array.from({ length: 100 }, (_, i) => JSON.stringify(fullResponse(i)));
  const from = Date.now() - child.spawnedAt;
  const result = await runInterleaved(
    [{ name: which, url: child.url, method: "POST", next: (i) => ({ path: path(i), body: bodies[i % 100] }) }],
    {
      connections: 50,
      slices: 1,
      sliceSeconds: 10,
    },
  );
  const to = Date.now() - child.spawnedAt;
  await child.stop();
  const load = result.get(which);
  const file = readdirSync(profiles).find((f) => f.endsWith(".cpuprofile"));
  if (!file || !load) throw new Error("no profile written");
  const summary = summariseProfile(JSON.parse(readFileSync(join(profiles, file), "utf8")) as CpuProfile, VERBS, { from, to });
  const per = (ms: number) => `${((ms * 1000) / load.total).toFixed(0)} µs/req`;
  const rows = (list: [string, number][]) => list.map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${per(ms).padStart(12)}  ${k}`);
  const lines = [
    `${which}: ${load.total} requests, ${load.rps.toFixed(0)} req/s; ${summary.totalMs.toFixed(0)} ms of profile while loaded (idle included)`,
    "",
    "self time by place:",
    ...rows(summary.byPlace),
    "",
    "self time by function:",
    ...rows(summary.byFunction),
    "",
    "inclusive time of:",
    ...rows(summary.named),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
} finally {
  for (const path of [dir, `${dir}-secrets`]) rmSync(path, { recursive: true, force: true });
}
