import { THEME_CODES } from "../instrument";
import { toCsv } from "../lib/csv";
import type { Comparison } from "./schemas";

const HEADER = ["network", "stage", "round", "closed", "n", "response rate", "suppressed", "temperature", ...THEME_CODES];

// Figures as the JSON gives them (a dot for decimals, nothing for "no figure") so that board
// papers and spreadsheets read the same numbers as the API.
const figure = (x: number | null | undefined) => (x === null || x === undefined ? "" : String(x));

/**
 * The comparison as a spreadsheet: one row per network × closed round, formula injection
 * neutralised by toCsv. Networks without a closed round have no row.
 */
export function comparisonCsv(comparison: Comparison): string {
  const rows = comparison.networks.flatMap((network) =>
    network.rounds.map((round) => [
      network.name,
      network.stage,
      round.title,
      round.closedAt.slice(0, 10),
      String(round.n),
      figure(round.responseRate),
      round.suppressed ? "yes" : "no",
      figure(round.overall),
      ...THEME_CODES.map((code) => figure(round.themes?.[code])),
    ]),
  );
  return toCsv(HEADER, rows);
}

/** The download name of a comparison made on `day`, e.g. "comparison-2026-03-02.csv". */
export function comparisonFilename(day: Date, extension: "csv" | "pdf"): string {
  return `comparison-${day.toISOString().slice(0, 10)}.${extension}`;
}
