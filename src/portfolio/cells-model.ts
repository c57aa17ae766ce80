// A heatmap row as templates and exports show it: every figure formatted for the language, with
// its band in words, its notable change and its notable difference from the portfolio.
import { FIGURE_CODES, type FigureCode } from "../db/schema";
import { type PortfolioMessages, portfolioMessages } from "../i18n/portfolio";
import { getInstrument, type Lang, localize } from "../instrument";
import { formatterFor } from "../lib/format";
import type { ProvidedColumns } from "./columns";
import type { Average, Cell, HeatmapRow } from "./figures";

/** The figures' titles in the language, temperature first. */
export function figureColumns(instrument: { id: string; version: number }, lang: Lang) {
  const m = portfolioMessages(lang);
  const found = getInstrument(instrument.id, instrument.version);
  const themes = found ? localize(found, lang).themes : [];
  return FIGURE_CODES.map((code) => ({
    code,
    title: code === "overall" ? m.temperature : (themes.find((t) => t.code === code)?.title ?? code),
  }));
}

/** One cell in words: the score, its band, an arrow for a notable change and a word for a notable difference. */
export function cellView(cell: Cell, m: PortfolioMessages, lang: Lang) {
  const f = formatterFor(lang);
  if (cell.shown === null || cell.band === null) return { shown: false, text: m.tooFew, band: "none", bandWord: "" };
  const change = cell.change;
  return {
    shown: true,
    text: f.score(cell.shown),
    band: cell.band,
    bandWord: m.bands[cell.band],
    arrow: change ? (change.direction === "up" ? "▲" : "▼") : "",
    changeClass: change ? (change.direction === "up" ? "better" : "worse") : "",
    changeText: change ? (change.direction === "up" ? m.rise : m.fall)(f.delta(change.delta)) : "",
    difference: cell.difference ? (cell.difference === "above" ? m.aboveShort : m.belowShort) : "",
    differenceText: cell.difference ? (cell.difference === "above" ? m.above : m.below) : "",
  };
}

/** A network's row: facts of its latest round and a cell per figure, then the added columns. */
export function rowView(row: HeatmapRow, lang: Lang, extra: ProvidedColumns = []) {
  const m = portfolioMessages(lang);
  const f = formatterFor(lang, row.network.timeZone);
  const round = row.round;
  return {
    id: row.network.id,
    name: row.network.name,
    stage: m.stages[row.network.stage],
    hasRound: round !== null,
    suppressed: round?.suppressed ?? false,
    title: round?.title ?? "",
    date: round ? f.date(round.closedAt) : "",
    respondents: f.count(round?.n),
    responseRate: f.percent(round?.responseRate),
    confidence: round ? m.confidenceWords[round.confidence] : "",
    cells: FIGURE_CODES.map((code) => cellView(row.cells[code], m, lang)),
    extra: extra.map((column) => {
      const cell = round ? column.cells.get(round.roundId) : undefined;
      return { text: cell?.text ?? "", shown: cell?.status === "shown" };
    }),
  };
}

/** The portfolio averages as a row of cells. */
export function averagesView(averages: Record<FigureCode, Average>, lang: Lang) {
  const m = portfolioMessages(lang);
  const f = formatterFor(lang);
  return FIGURE_CODES.map((code) => {
    const a = averages[code];
    return {
      text: a.shown === null ? m.tooFew : f.score(a.shown),
      band: a.band ?? "none",
      bandWord: a.band ? m.bands[a.band] : "",
      networks: m.networksCount(f.count(a.networks)),
    };
  });
}
