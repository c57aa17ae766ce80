// The arithmetic of a commissioner's portfolio: bands, quartiles and the rest of the portfolio as
// one summary. Pure functions over frozen round figures; nothing here reads a response.
import { round1 } from "../results/rounding";
import type { Summary } from "../results/stats";

export type Band = "needs_attention" | "mixed" | "strong";

/**
 * The band of a score as shown (1 dp): below 50 needs attention, below 70 mixed, else strong. Takes
 * the shown figure so that a cell never reads "70.0" in "mixed".
 *
 * @example band(69.96) // "strong": it is shown as 70.0
 */
export function band(score: number): Band {
  return bandOfShown(shownScore(score));
}

/** The band of a score already rounded to one decimal (as shown): band() without rounding again. */
export function bandOfShown(shown: number): Band {
  if (shown < 50) return "needs_attention";
  if (shown < 70) return "mixed";
  return "strong";
}

/**
 * round1 for the many scores of a portfolio, quickly: away from a half-way point the nearest tenth
 * by arithmetic is exact (and k / 10 is the same double round1 returns); near one, round1 decides.
 * @example shownScore(49.95) // 50
 */
export function shownScore(score: number): number {
  const scaled = score * 10;
  const fraction = scaled - Math.floor(scaled);
  if (Math.abs(fraction - 0.5) > 1e-6) return Math.round(scaled) / 10;
  return round1(score);
}

/**
 * The q-quantile by linear interpolation between order statistics (numpy's and R's default, type
 * 7): position (n − 1)·q in the sorted values. Null for no values.
 *
 * @example quantile([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  return sortedQuantile(
    [...values].sort((x, y) => x - y),
    q,
  );
}

/** quantile over values already sorted ascending (no copy, no sort). */
function sortedQuantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (position - below);
}

/** The median and interquartile range of a list, for the over-time chart (sorted once). */
export function quartiles(values: ArrayLike<number>): { q1: number; median: number; q3: number } | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sortedQuantile(sorted as unknown as number[], q);
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

/**
 * Several groups' count, mean and sample sd as one group's, exactly as if their values had been
 * pooled: what Welch's test against "the rest of the portfolio" needs, without any respondent's score.
 *
 * @example combineSummaries([{ n: 2, mean: 1, sd: 0 }, { n: 2, mean: 3, sd: 0 }]) // { n: 4, mean: 2, sd: 1.1547… }
 */
export function combineSummaries(groups: readonly Summary[]): Summary {
  const usable = groups.filter((group): group is { n: number; mean: number; sd: number | null } => group.n > 0 && group.mean !== null);
  const n = usable.reduce((sum, group) => sum + group.n, 0);
  if (n === 0) return { n: 0, mean: null, sd: null };
  const mean = usable.reduce((sum, group) => sum + group.n * group.mean, 0) / n;
  if (n < 2) return { n, mean, sd: null };
  // Within-group squares ((n − 1)·sd²) plus each group's distance from the pooled mean.
  const squares = usable.reduce((sum, group) => sum + (group.n - 1) * (group.sd ?? 0) ** 2 + group.n * (group.mean - mean) ** 2, 0);
  return { n, mean, sd: Math.sqrt(squares / (n - 1)) };
}
