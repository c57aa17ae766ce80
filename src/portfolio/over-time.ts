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

/** A quarter as one number, year × 4 + (0–3): cheaper than a key string for 24,000 rounds. */
const quarterIndex = (at: Date) => at.getUTCFullYear() * 4 + Math.floor(at.getUTCMonth() / 3);

function quarterFromIndex(index: number) {
  const year = Math.floor(index / 4);
  const quarter = ((index % 4) + 1) as 1 | 2 | 3 | 4;
  return { key: `${year}-Q${quarter}`, year, quarter };
}

/** The UTC calendar quarter of a moment. @example quarterOf(new Date("2026-05-08")) // { key: "2026-Q2", year: 2026, quarter: 2 } */
export const quarterOf = (at: Date) => quarterFromIndex(quarterIndex(at));

/**
 * Quarters oldest first with each figure's quartiles (numpy's default, type 7) over the networks
 * that have a score for it that quarter; null for a figure no network has. Rounds in any order.
 * @example overTime(roundScores(db, scope, instrument))[0]?.figures.purpose // { q1, median, q3, networks }
 */
export function overTime(rounds: readonly RoundScoreRow[]): Quarter[] {
  // Each network's latest unsuppressed round of each quarter.
  const byQuarter = new Map<number, Map<string, RoundScoreRow>>();
  for (const round of rounds) {
    if (round.suppressed) continue;
    const index = quarterIndex(round.closedAt);
    let networks = byQuarter.get(index);
    if (!networks) {
      networks = new Map();
      byQuarter.set(index, networks);
    }
    const seen = networks.get(round.networkId);
    if (!seen || seen.closedAt.getTime() <= round.closedAt.getTime()) networks.set(round.networkId, round);
  }
  return [...byQuarter.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, networks]) => {
      const latest = [...networks.values()];
      const scores = new Float64Array(latest.length);
      const figures = {} as Record<FigureCode, QuarterFigure | null>;
      for (const code of FIGURE_CODES) {
        let n = 0;
        for (const round of latest) {
          const score = round.scores[code];
          if (score !== null) scores[n++] = score;
        }
        const q = quartiles(scores.subarray(0, n));
        figures[code] = q ? { ...q, networks: n } : null;
      }
      return { ...quarterFromIndex(index), figures };
    });
}
