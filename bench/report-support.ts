// Helpers of bench/report.ts: timing statistics, bulk rounds, and the BENCHMARKS.md section.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { getInstrument } from "../src/instrument";
import type { Db } from "../src/lib/db";
import { writeResponses } from "../src/survey/submit";
import { demoResponses } from "../test/reports/fixtures";
import { asSurveyInput } from "../test/support/responses";
import { procStat } from "../test/support/server-process";

/** Nearest-rank quantile of `values` (0–1). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const p95 = (values: readonly number[]) => quantile(values, 0.95);
export const ms = (x: number) => Math.round(x * 10) / 10;

/** Milliseconds of each of `runs` calls of `fn`, one after the other. */
export async function timings(runs: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    out.push(performance.now() - started);
  }
  return out;
}

/**
 * Stores `n` varied responses in `roundId` in one transaction, through the code a submission stores
 * them with (theme scores, answers, comments), minus the link checks.
 */
export function bulkResponses(db: Db, roundId: string, n: number, day: string): void {
  const core = getInstrument("core", 1);
  if (!core) throw new Error("core v1 is missing");
  // A pool of generated respondents, reused: generating 100,000 distinct ones would time the generator.
  const pool = demoResponses(2000, 5);
  // Batches of 1,000, as the pending pool writes them (each table in its own random order).
  const inputs = pool.map(asSurveyInput);
  db.$client.transaction(() => {
    for (let from = 0; from < n; from += 1000) {
      const batch = Array.from({ length: Math.min(1000, n - from) }, (_, i) => inputs[(from + i) % inputs.length]);
      writeResponses(
        db,
        roundId,
        core,
        day,
        batch.filter((input) => input !== undefined),
      );
    }
  })();
}

/** The machine the figures were measured on. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export interface Row {
  what: string;
  value: string;
  target: string;
  met: boolean | null;
}

/** A Markdown table of the rows. */
export function markdownTable(rows: Row[]): string {
  const lines = ["| what | figure | target | |", "| --- | --- | --- | --- |"];
  for (const r of rows)
    lines.push(`| ${r.what} | ${r.value} | ${r.target || "—"} | ${r.met === null ? "" : r.met ? "met" : "**missed**"} |`);
  return lines.join("\n");
}

/** Replaces (or appends) the section under `heading` in BENCHMARKS.md, leaving the others alone. */
export function writeSection(file: string, heading: string, body: string): void {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const marker = `## ${heading}`;
  const start = current.indexOf(marker);
  const section = `${marker}\n\n${body.trim()}\n`;
  if (start === -1) {
    writeFileSync(file, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const next = current.indexOf("\n## ", start + marker.length);
  const after = next === -1 ? "" : current.slice(next);
  writeFileSync(file, `${current.slice(0, start)}${section}${after}`);
}

/** CPU milliseconds (user + system, reaped children included) of this process and all it started. */
export function treeCpuMs(root = process.pid): number {
  const parentOf = new Map<number, number>();
  const statOf = new Map<number, string[]>();
  for (const entry of readdirSync("/proc")) {
    const fields = /^\d+$/.test(entry) ? procStat(Number(entry)) : undefined;
    if (!fields) continue; // not a process, or it ended while we looked
    parentOf.set(Number(entry), Number(fields[1]));
    statOf.set(Number(entry), fields);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, parent] of parentOf) if (parent === tree[i]) tree.push(pid);
  const ticks = tree.reduce((sum, pid) => {
    const f = statOf.get(pid) ?? [];
    return sum + Number(f[11] ?? 0) + Number(f[12] ?? 0) + Number(f[13] ?? 0) + Number(f[14] ?? 0);
  }, 0);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}
