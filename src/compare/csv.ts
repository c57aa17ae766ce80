import { THEME_CODES } from "../instrument";
import { toCsv } from "../lib/csv";
import { MATURITY_V1 } from "../maturity/matrix-v1";
import type { Comparison } from "./schemas";

const HEADER = [
  "network",
  "stage",
  "round",
  "closed",
  "n",
  "response rate",
  "suppressed",
  "temperature",
  ...THEME_CODES,
  // Where members put the network now: the median level 1–4 per maturity dimension.
  ...MATURITY_V1.dimensions.map((d) => `maturity now ${d.code}`),
  // The network map's figures: prefixed, since "value" is also a theme's name.
  "map density",
  "map trust",
  "map value",
];

// Figures as the JSON gives them (a dot for decimals, nothing for "no figure") so that board
// papers and spreadsheets read the same numbers as the API; numbers, so that toCsv keeps them numbers.
const figure = (x: number | null | undefined) => x ?? null;

/**
 * The comparison as a spreadsheet: one row per network × closed round, formula injection
 * neutralised by toCsv in the names and titles people typed. Networks without a closed round have no row.
 */
export function comparisonCsv(comparison: Comparison): string {
  const rows = comparison.networks.flatMap((network) =>
    network.rounds.map((round) => [
      network.name,
      network.stage,
      round.title,
      round.closedAt.slice(0, 10),
      round.n,
      figure(round.responseRate),
      round.suppressed ? "yes" : "no",
      figure(round.overall),
      ...THEME_CODES.map((code) => figure(round.themes?.[code])),
      // Empty for a round without the matrix, suppressed, or a dimension with too few answers.
      ...MATURITY_V1.dimensions.map((d) => figure(round.maturity?.[d.code])),
      // The network map's figures: empty for a round without the module or with a suppressed map.
      figure(round.map?.density),
      figure(round.map?.trust),
      figure(round.map?.value),
    ]),
  );
  return toCsv(HEADER, rows);
}

/** The download name of a comparison made on `day`, e.g. "comparison-2026-03-02.csv". */
export function comparisonFilename(day: Date, extension: "csv" | "pdf"): string {
  return `comparison-${day.toISOString().slice(0, 10)}.${extension}`;
}
