// The board summary: a standalone HTML document for the PDF renderer (2–3 A4 pages) — the heatmap
// of at most BOARD_ROWS networks, those needing a look first, counts per band for all, movers,
// the over-time charts and a methods note. Every figure comes from the portfolio's own values.

import { portfolioMessages } from "../i18n/portfolio";
import type { Lang } from "../instrument";
import type { Db } from "../lib/db";
import { formatterFor } from "../lib/format";
import type { Views } from "../lib/html";
import { averagesView, figureColumns, rowView } from "./cells-model";
import { askedColumns } from "./columns";
import { boardRows, type HeatmapRow } from "./figures";
import type { Quarter } from "./over-time";
import { overTimeCharts } from "./over-time-model";
import { countsView, moversView } from "./portfolio-model";
import type { Portfolio } from "./service";
import type { Band } from "./stats";

/** Most networks the board summary lists: three pages at most, whatever the portfolio's size. */
export const BOARD_ROWS = 60;

export async function boardSummaryHtml(
  views: Views,
  db: Db,
  portfolio: Portfolio,
  rows: readonly HeatmapRow[],
  quarters: readonly Quarter[],
  lang: Lang,
  now: Date,
) {
  const m = portfolioMessages(lang);
  const f = formatterFor(lang);
  const shown = boardRows(rows, BOARD_ROWS);
  const letters = m.bandLetters;
  const figures = figureColumns(portfolio.instrument, lang);
  // The network map's and maturity columns, when a listed round asked them (see askedColumns).
  const extra = askedColumns(
    db,
    shown.flatMap((r) => (r.round ? [r.round.roundId] : [])),
    lang,
  );
  const html = views.render(
    "portfolio/board",
    {
      lang,
      labels: m,
      title: `${m.boardTitle} · ${portfolio.settings.name}`,
      name: portfolio.settings.name,
      made: m.made(f.date(now)),
      intro: m.boardIntro(f.count(shown.length), f.count(rows.length)),
      legend: (["needs_attention", "mixed", "strong"] as const).map((b) => ({ letter: letters[b], word: m.bands[b] })),
      figures,
      extra: extra.map((c) => ({ title: c.title })),
      noRoundSpan: figures.length + 3 + extra.length,
      rows: shown.map((row) => {
        const view = rowView(row, lang, extra);
        return { ...view, cells: view.cells.map((c) => ({ ...c, letter: c.shown ? letters[c.band as Band] : "" })) };
      }),
      averages: averagesView(portfolio.averages, lang).map((a) => ({ ...a, letter: a.band === "none" ? "" : letters[a.band as Band] })),
      counts: countsView({ ...portfolio, rows: [...rows] }, lang),
      movers: moversView({ ...portfolio, rows: [...rows] }, lang),
      charts: overTimeCharts(quarters, figures, lang),
    },
    null,
  );
  return { html, footer: `${m.boardTitle} · ${portfolio.settings.name} · ${f.date(now)}` };
}
