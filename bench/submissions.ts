// 1. Submissions over HTTP: the real server (a fresh link per request) beside the bare baseline,
// all three processes up at once and loaded in turns.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { type Child, fullResponse, startChild, startServerChild } from "../test/support/server-process";
import { type LoadResult, runInterleaved, type Subject } from "./load";
import { DB_FILE, seedOpenRound, serverDirs } from "./open-round";

/** More links than the fastest run can use, so that every request has a fresh one. */
const LINKS = 80_000;
/** Distinct bodies (a full response each), so that answers and comments vary as in a real round. */
const BODIES = Array.from({ length: 500 }, (_, i) => JSON.stringify(fullResponse(i)));
const bodyOf = (i: number) => BODIES[i % BODIES.length] ?? "{}";

export interface SubmissionRuns {
  baseline: LoadResult;
  /** The same bare app committing through the project's group commit. */
  grouped: LoadResult;
  info: LoadResult;
  warn: LoadResult;
  /** Responses in each server's database afterwards: at least its 201s (requests cut off at a slice's end may add a few). */
  stored: { info: number; warn: number };
  logBytesPerRequest: number;
}

function countResponses(dataDir: string): number {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true });
  try {
    // Written out, or still sealed in the pending pool waiting for its batch.
    return (db.prepare("select (select count(*) from responses) + (select count(*) from pending_responses) as n").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function startServer(dir: string, level: string): Promise<{ child: Child; tokens: string[] }> {
  const { tokens } = seedOpenRound(dir, LINKS);
  const child = await startServerChild({ ...serverDirs(dir), LOG_LEVEL: level });
  return { child, tokens };
}

/** A full response per request, to the path `path(i)`. */
const postTo = (name: string, url: string, path: (i: number) => string): Subject => ({
  name,
  url,
  method: "POST",
  next: (i) => ({ path: path(i), body: bodyOf(i) }),
});
const survey = (token: string) => `/api/v1/s/${token}/response`;

/** Runs the baseline (per-request and grouped commits) and the server at log levels info and warn. */
export async function runSubmissions(options: { slices: number; sliceSeconds: number; connections: number }): Promise<SubmissionRuns> {
  const dirs = ["baseline", "info", "warn"].map((d) => mkdtempSync(join(tmpdir(), `bench-${d}-`)));
  const [baseDir = "", infoDir = "", warnDir = ""] = dirs;
  const children: Child[] = [];
  try {
    const baseline = await startChild("bench/baseline-server.ts", { BENCH_DB: join(baseDir, DB_FILE) }, "baseline listening");
    children.push(baseline);
    const info = await startServer(infoDir, "info");
    children.push(info.child);
    const warn = await startServer(warnDir, "warn");
    children.push(warn.child);
    const results = await runInterleaved(
      [
        postTo("baseline", baseline.url, (i) => survey(`x${i}`)),
        postTo("grouped", baseline.url, (i) => `/grouped/x${i}/response`),
        postTo("info", info.child.url, (i) => survey(info.tokens[i % LINKS] ?? "")),
        postTo("warn", warn.child.url, (i) => survey(warn.tokens[i % LINKS] ?? "")),
      ],
      options,
    );
    for (const child of children) await child.stop();
    const get = (name: string): LoadResult => {
      const result = results.get(name);
      if (!result) throw new Error(`no result for ${name}`);
      return result;
    };
    const infoLoad = get("info");
    return {
      baseline: get("baseline"),
      grouped: get("grouped"),
      info: infoLoad,
      warn: get("warn"),
      stored: { info: countResponses(infoDir), warn: countResponses(warnDir) },
      logBytesPerRequest: infoLoad.total ? info.child.stdoutBytes() / infoLoad.total : 0,
    };
  } finally {
    for (const child of children) await child.stop();
    for (const dir of dirs) for (const path of [dir, `${dir}-secrets`]) rmSync(path, { recursive: true, force: true });
  }
}
