// What the compare page and the portfolio report show: the comparison's own figures, formatted,
// with one chart per figure. Nothing here computes a score; it lays out the API's values.

import { getInstrument, localize, THEME_CODES, type ThemeCode } from "../instrument";
import type { ChartViews } from "../lib/charts";
import { formatterFor } from "../lib/format";
import { STAGE_LABELS } from "../networks/labels";
import { type LinePoint, legendSwatch, lineChart, type SeriesStyle, seriesStyle } from "./charts";
import type { CompareRound, Comparison } from "./schemas";

const fmt = formatterFor("en");
/** A round's closing day as its network lives it (in the network's time zone). */
const dayIn = (network: { timeZone: string }, at: string) => formatterFor("en", network.timeZone).date(at);
export const TOO_FEW = "not enough responses";
/** A figure of a shown round with fewer respondents behind it than the round's threshold. */
export const TOO_FEW_ANSWERS = "too few answers";

type Figure = "overall" | ThemeCode;

/** The figures compared, in report order, with their titles from the instrument. */
export function figureTitles(instrument: Comparison["instrument"]): { code: Figure; title: string }[] {
  const found = getInstrument(instrument.id, instrument.version);
  const themes = found ? localize(found, "en").themes : [];
  return [
    { code: "overall", title: "Temperature" },
    ...THEME_CODES.map((code) => ({ code, title: themes.find((t) => t.code === code)?.title ?? code })),
  ];
}

const figureOf = (round: CompareRound, figure: Figure) => (figure === "overall" ? round.overall : (round.themes?.[figure] ?? null));
/** A compared figure in words: null in a shown round means too few respondents were behind it. */
const figureText = (x: number | null | undefined) => (x === null || x === undefined ? TOO_FEW_ANSWERS : fmt.score(x));

/** One row of the data table: a network's round, formatted; suppressed rounds carry no scores. */
function tableRow(network: Comparison["networks"][number], round: CompareRound) {
  return {
    network: network.name,
    title: round.title,
    date: dayIn(network, round.closedAt),
    n: fmt.count(round.n),
    responseRate: fmt.percent(round.responseRate),
    suppressed: round.suppressed,
    scores: round.suppressed ? [] : [figureText(round.overall), ...THEME_CODES.map((code) => figureText(round.themes?.[code]))],
  };
}

/** The sentence a screen reader hears for one chart: every network's values in date order. */
function chartAlt(title: string, comparison: Comparison, figure: Figure): string {
  const parts = comparison.networks.map((network) => {
    if (network.rounds.length === 0) return `${network.name}: no closed rounds`;
    const values = network.rounds.map((r) => `${dayIn(network, r.closedAt)} ${r.suppressed ? TOO_FEW : figureText(figureOf(r, figure))}`);
    return `${network.name}: ${values.join(", ")}`;
  });
  return `${title} (0 to 100) by round closing date. ${parts.join("; ")}.`;
}

function chartPoints(comparison: Comparison, figure: Figure, styles: SeriesStyle[]): LinePoint[] {
  return comparison.networks.flatMap((network, series) =>
    network.rounds.map((round) => ({
      series,
      closedAt: round.closedAt,
      score: figureOf(round, figure),
      colour: styles[series]?.colour ?? "#1f4e79",
      shape: styles[series]?.shape ?? "circle",
    })),
  );
}

/**
 * The model of a comparison for templates: a shared legend, a chart per figure (temperature and
 * each theme) with its text alternative, and the network × round table.
 */
export async function comparisonView(chartViews: ChartViews, comparison: Comparison) {
  const styles = comparison.networks.map((_, i) => seriesStyle(i));
  const figures = figureTitles(comparison.instrument);
  const charts = [];
  // One after another: each render is a few ms of CPU, and a shared runtime serves them all.
  for (const figure of figures) {
    const chart = await lineChart(
      chartViews,
      chartPoints(comparison, figure.code, styles),
      chartAlt(figure.title, comparison, figure.code),
    );
    charts.push({ title: figure.title, ...chart });
  }
  return {
    legend: comparison.networks.map((n, i) => ({ name: n.name, swatch: legendSwatch(styles[i] ?? seriesStyle(i)) })),
    charts,
    columns: figures.map((f) => f.title),
    networks: comparison.networks.map((n) => ({
      name: n.name,
      stage: STAGE_LABELS[n.stage],
      empty: n.rounds.length === 0,
      rows: n.rounds.map((r) => tableRow(n, r)),
    })),
  };
}

export type ComparisonView = Awaited<ReturnType<typeof comparisonView>>;
