// Timing helpers: the statistics are bench/report.ts's own (report-support.ts), so that both
// halves of BENCHMARKS.md compute medians and p95s the same way.
import { timings } from "./report-support";

export { median, p95, quantile } from "./report-support";

/** Milliseconds `fn` took (awaited when it returns a promise). */
export async function timeMs(fn: () => unknown): Promise<number> {
  return (await timings(1, fn))[0] ?? Number.NaN;
}

/** `runs` timings of `fn`, in order, after `warmup` untimed calls. */
export async function sample(runs: number, fn: () => unknown, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  return timings(runs, fn);
}

/** Rounds to `digits` decimals (for display and the JSON summary). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
