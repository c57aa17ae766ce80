// The portfolio over time: per figure and calendar quarter, the median and interquartile range
// of the networks' scores. Each network counts once a quarter, with its latest unsuppressed round
// closed in it; a figure hidden in that round leaves the network out of that figure's quarter.
import { FIGURE_CODES, type FigureCode } from "../db/schema";
import type { RoundScoreRow } from "./queries";
import { quartiles } from "./stats";

export interface QuarterFigure {
  q1: number;
  median: number;
  q3: number;
  networks: number;
}

export interface Quarter {
  /** "2026-Q1": the quarter of the closing time in UTC. */
  key: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  figures: Record<FigureCode, QuarterFigure | null>;
}

/** The UTC calendar quarter of a moment. @example quarterOf(new Date("2026-05-08")) // { key: "2026-Q2", year: 2026, quarter: 2 } */
export function quarterOf(at: Date) {
  const year = at.getUTCFullYear();
  const quarter = (Math.floor(at.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4;
  return { key: `${year}-Q${quarter}`, year, quarter };
}

/**
 * Quarters oldest first with each figure's quartiles (numpy's default, type 7) over the networks
 * that have a score for it that quarter; null for a figure no network has.
 * @example overTime(roundScores(db, scope, instrument))[0]?.figures.purpose // { q1, median, q3, networks }
 */
export function overTime(rounds: readonly RoundScoreRow[]): Quarter[] {
  // Oldest first in, so the last round seen per network and quarter is its latest.
  const byQuarter = new Map<string, { at: ReturnType<typeof quarterOf>; networks: Map<string, RoundScoreRow> }>();
  for (const round of rounds) {
    if (round.suppressed) continue;
    const at = quarterOf(round.closedAt);
    const entry = byQuarter.get(at.key) ?? { at, networks: new Map() };
    const seen = entry.networks.get(round.networkId);
    if (!seen || seen.closedAt.getTime() <= round.closedAt.getTime()) entry.networks.set(round.networkId, round);
    byQuarter.set(at.key, entry);
  }
  return [...byQuarter.values()]
    .sort((a, b) => a.at.year - b.at.year || a.at.quarter - b.at.quarter)
    .map(({ at, networks }) => {
      const figures = {} as Record<FigureCode, QuarterFigure | null>;
      for (const code of FIGURE_CODES) {
        const scores = [...networks.values()].map((r) => r.scores[code]).filter((s): s is number => s !== null);
        const q = quartiles(scores);
        figures[code] = q ? { ...q, networks: scores.length } : null;
      }
      return { ...at, figures };
    });
}
