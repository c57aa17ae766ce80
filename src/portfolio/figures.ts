// A portfolio's figures from each network's latest rounds: the heatmap's cells, the portfolio
// average per figure, each network's notable difference from the rest, and the movers. Pure: no
// database, no formatting; every number on the portfolio pages and exports comes from here.
import { FIGURE_CODES, type FigureCode, type Stage } from "../db/schema";
import { NOTABLE_P } from "../results/change";
import { round1 } from "../results/rounding";
import { type Summary, welchFromSummaries } from "../results/stats";
import type { RoundFigures } from "./queries";
import { type Band, band, bandOfShown, shownScore } from "./stats";

export interface PortfolioNetwork {
  id: string;
  name: string;
  stage: Stage;
  timeZone: string;
}

/** One cell of the heatmap. `shown` is the score as shown (1 dp); null when there is no figure to show. */
export interface Cell {
  shown: number | null;
  band: Band | null;
  /** The change since the network's previous round, only when notable (the report's Welch rule). */
  change: { delta: number; direction: "up" | "down" } | null;
  /** Notably above or below the rest of the portfolio (Welch, p < 0.05); null otherwise. */
  difference: "above" | "below" | null;
}

export interface HeatmapRow {
  network: PortfolioNetwork;
  /** The latest closed round (the one shown), or null before the first. */
  round: RoundFigures | null;
  cells: Record<FigureCode, Cell>;
}

/** A figure's portfolio average: unweighted mean over networks whose latest unsuppressed round shows it. */
export interface Average {
  mean: number | null;
  shown: number | null;
  band: Band | null;
  networks: number;
}

const EMPTY: Cell = { shown: null, band: null, change: null, difference: null };

/** The latest closed round and the latest unsuppressed one of each network (from latestRounds). */
export function splitLatest(rows: readonly RoundFigures[]) {
  const latest = new Map<string, RoundFigures>();
  const unsuppressed = new Map<string, RoundFigures>();
  for (const row of rows) {
    if (!latest.has(row.networkId)) latest.set(row.networkId, row);
    if (!row.suppressed && !unsuppressed.has(row.networkId)) unsuppressed.set(row.networkId, row);
  }
  return { latest, unsuppressed };
}

/**
 * Per figure, the unweighted mean of the networks' unrounded scores, each network's latest closed
 * unsuppressed round counting once (a figure hidden there does not count), and how many networks.
 * @example averages([north, south]).purpose // { mean: 61.5, shown: 61.5, band: "mixed", networks: 2 }
 */
export function averages(unsuppressed: ReadonlyMap<string, RoundFigures>): Record<FigureCode, Average> {
  const out = {} as Record<FigureCode, Average>;
  for (const code of FIGURE_CODES) {
    const scores = [...unsuppressed.values()].map((r) => r.figures[code].score).filter((s): s is number => s !== null);
    const mean = scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
    out[code] = { mean, shown: mean === null ? null : round1(mean), band: mean === null ? null : band(mean), networks: scores.length };
  }
  return out;
}

/** Pooled sums of every network's summary for one figure, from which "all but one" is a subtraction. */
interface Pool {
  n: number;
  /** Σ n·mean */
  sum: number;
  /** Σ ((n − 1)·sd² + n·mean²) */
  squares: number;
}

const EMPTY_POOL: Pool = { n: 0, sum: 0, squares: 0 };

function termOf(round: RoundFigures | undefined, code: FigureCode): Pool {
  const f = round?.figures[code];
  if (!f || f.score === null) return EMPTY_POOL;
  return { n: f.n, sum: f.n * f.score, squares: (f.n - 1) * (f.sd ?? 0) ** 2 + f.n * f.score ** 2 };
}

/** Each figure's pooled sums over the networks' latest unsuppressed rounds. */
export function pools(unsuppressed: ReadonlyMap<string, RoundFigures>): Record<FigureCode, Pool> {
  const out = {} as Record<FigureCode, Pool>;
  for (const code of FIGURE_CODES) {
    const pool = { n: 0, sum: 0, squares: 0 };
    for (const round of unsuppressed.values()) {
      const t = termOf(round, code);
      pool.n += t.n;
      pool.sum += t.sum;
      pool.squares += t.squares;
    }
    out[code] = pool;
  }
  return out;
}

/**
 * The rest of the portfolio as one summary: the pooled count, mean and sd of every other network's
 * respondent scores, exactly as combineSummaries would give them, by taking the network's own
 * terms out of the totals (so that thousands of networks cost one pass, not one per network).
 */
export function restOf(pool: Pool, own: RoundFigures | undefined, code: FigureCode): Summary {
  const t = termOf(own, code);
  const n = pool.n - t.n;
  if (n <= 0) return { n: 0, mean: null, sd: null };
  const mean = (pool.sum - t.sum) / n;
  if (n < 2) return { n, mean, sd: null };
  // Rounding can leave a hair below zero when every score is the same.
  const squares = Math.max(0, pool.squares - t.squares - n * mean ** 2);
  return { n, mean, sd: Math.sqrt(squares / (n - 1)) };
}

/** The normal distribution's two-sided 5 % point: |t| below it has p > 0.05 on any degrees of freedom. */
const NORMAL_5_PERCENT = 1.959963984540054;

function surelyNotNotable(a: Summary, b: Summary): boolean {
  if (a.mean === null || b.mean === null || a.sd === null || b.sd === null || a.n < 2 || b.n < 2) return false;
  const se2 = a.sd ** 2 / a.n + b.sd ** 2 / b.n;
  return se2 > 0 && Math.abs(a.mean - b.mean) / Math.sqrt(se2) < NORMAL_5_PERCENT;
}

/**
 * Whether a network's figure differs notably from the rest of the portfolio: Welch's test between
 * its respondent scores' summary and the pooled summary of every other network's (their latest
 * unsuppressed rounds). Null when either side cannot be tested or p ≥ 0.05.
 */
export function differenceFromRest(round: RoundFigures, rest: Summary, code: FigureCode): Cell["difference"] {
  const own = round.figures[code];
  if (round.suppressed || own.score === null) return null;
  const summary = { n: own.n, mean: own.score, sd: own.sd };
  // Student's t has heavier tails than the normal: below the normal's two-sided 5 % point p is
  // surely ≥ 0.05, so thousands of networks skip the incomplete beta function.
  if (surelyNotNotable(summary, rest)) return null;
  const test = welchFromSummaries(summary, rest);
  if (!test || !(test.p < NOTABLE_P)) return null;
  return test.t > 0 ? "above" : "below";
}

function cell(round: RoundFigures, rest: Summary, code: FigureCode): Cell {
  const figure = round.figures[code];
  if (round.suppressed || figure.score === null) return EMPTY;
  const shown = shownScore(figure.score);
  const change =
    figure.notable && figure.delta !== null && figure.delta !== 0
      ? ({ delta: figure.delta, direction: figure.delta > 0 ? "up" : "down" } as const)
      : null;
  return { shown, band: bandOfShown(shown), change, difference: differenceFromRest(round, rest, code) };
}

/** The heatmap's rows, one per network in the given order, from the latest rounds of the whole portfolio. */
export function heatmapRows(networks: readonly PortfolioNetwork[], latestRows: readonly RoundFigures[]): HeatmapRow[] {
  const { latest, unsuppressed } = splitLatest(latestRows);
  const totals = pools(unsuppressed);
  return networks.map((network) => {
    const round = latest.get(network.id) ?? null;
    const cells = {} as Record<FigureCode, Cell>;
    for (const code of FIGURE_CODES)
      cells[code] = round ? cell(round, restOf(totals[code], unsuppressed.get(network.id), code), code) : EMPTY;
    return { network, round, cells };
  });
}

/** How many networks each figure has in each band, and how many have no figure to show. */
export function bandCounts(rows: readonly HeatmapRow[]) {
  const out = {} as Record<FigureCode, Record<Band | "none", number>>;
  for (const code of FIGURE_CODES) {
    const counts = { needs_attention: 0, mixed: 0, strong: 0, none: 0 };
    for (const row of rows) counts[row.cells[code].band ?? "none"]++;
    out[code] = counts;
  }
  return out;
}

/** How many rises and falls the movers list at most, each. */
export const MOVERS_EACH = 5;

/**
 * The networks whose temperature changed notably since their previous round: the largest rises and
 * the largest falls (by the published change; ties by name), at most MOVERS_EACH each.
 */
export function movers(rows: readonly HeatmapRow[], each = MOVERS_EACH) {
  const moved = rows.filter((r) => r.cells.overall.change !== null);
  const by = (sign: 1 | -1) => (a: HeatmapRow, b: HeatmapRow) =>
    sign * ((b.cells.overall.change?.delta ?? 0) - (a.cells.overall.change?.delta ?? 0)) ||
    a.network.name.localeCompare(b.network.name, "en");
  return {
    rises: moved
      .filter((r) => r.cells.overall.change?.direction === "up")
      .sort(by(1))
      .slice(0, each),
    falls: moved
      .filter((r) => r.cells.overall.change?.direction === "down")
      .sort(by(-1))
      .slice(0, each),
  };
}

/** Needs attention somewhere, or fell notably somewhere: what a board looks at first. */
export function needsLook(row: HeatmapRow): boolean {
  return FIGURE_CODES.some((code) => row.cells[code].band === "needs_attention" || row.cells[code].change?.direction === "down");
}

/**
 * The rows a board paper shows, at most `limit`: networks needing attention or with a notable fall
 * first, then by temperature from the lowest (none last), then by name.
 */
export function boardRows(rows: readonly HeatmapRow[], limit: number): HeatmapRow[] {
  const temperature = (r: HeatmapRow) => r.cells.overall.shown ?? Number.POSITIVE_INFINITY;
  return [...rows]
    .sort(
      (a, b) =>
        Number(needsLook(b)) - Number(needsLook(a)) ||
        temperature(a) - temperature(b) ||
        a.network.name.localeCompare(b.network.name, "en"),
    )
    .slice(0, limit);
}
