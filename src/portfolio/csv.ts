// The heatmap as a spreadsheet, in English or Dutch: one row per network (filtered and sorted as
// on the page, every page), each figure as shown with its band, notable change and difference.
import { FIGURE_CODES } from "../db/schema";
import { portfolioMessages } from "../i18n/portfolio";
import type { Lang } from "../instrument";
import { toCsv } from "../lib/csv";
import type { Db } from "../lib/db";
import { figureColumns } from "./cells-model";
import { providedColumns } from "./columns";
import type { HeatmapRow } from "./figures";
import type { Portfolio } from "./service";

/**
 * The CSV of these rows. Scores are numbers with a dot (as the API gives them), empty when there is
 * no figure to show; bands and words in the language. Names pass through toCsv, which neutralises formulas.
 */
export function portfolioCsv(db: Db, portfolio: Portfolio, rows: readonly HeatmapRow[], lang: Lang): string {
  const m = portfolioMessages(lang);
  const figures = figureColumns(portfolio.instrument, lang);
  const extra = providedColumns(
    db,
    rows.flatMap((r) => (r.round ? [r.round.roundId] : [])),
    lang,
  );
  const header = [
    ...m.csvHeader,
    ...figures.flatMap((f) => [f.title, `${f.title} ${m.csvBand}`, `${f.title} ${m.csvChange}`, `${f.title} ${m.csvDifference}`]),
    ...extra.map((c) => c.csvTitle),
  ];
  const body = rows.map((row) => {
    const round = row.round;
    return [
      row.network.name,
      m.stages[row.network.stage],
      round?.title ?? null,
      round ? round.closedAt.toISOString().slice(0, 10) : null,
      round?.n ?? null,
      round?.responseRate ?? null,
      round ? m.confidenceWords[round.confidence] : null,
      round ? (round.suppressed ? m.yes : m.no) : null,
      ...FIGURE_CODES.flatMap((code) => {
        const cell = row.cells[code];
        return [
          cell.shown,
          cell.band ? m.bands[cell.band] : null,
          cell.change?.delta ?? null,
          cell.difference ? (cell.difference === "above" ? m.aboveShort : m.belowShort) : null,
        ];
      }),
      ...extra.map((c) => (round ? (c.cells.get(round.roundId)?.value ?? null) : null)),
    ];
  });
  return toCsv(header, body);
}

/** The download's name, e.g. "portfolio-2026-03-02.csv". */
export const portfolioFilename = (day: Date, extension: "csv" | "pdf") => `portfolio-${day.toISOString().slice(0, 10)}.${extension}`;
