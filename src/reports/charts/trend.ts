// Lines of each theme's score (and the temperature) across the network's closed rounds. Rounds
// without results (too few responses) leave a gap; the table beside the chart names them.
import type { TopLevelSpec } from "vega-lite";
import { BASE_CONFIG, type Chart, type ChartViews, INK, trustedSvg, wrapLabel } from "../../lib/charts";

/** Distinct in hue and lightness, each ≥ 4.5:1 on white; shapes tell them apart in grey print too. */
export const SERIES_COLOURS = ["#1f4e79", "#b0561b", "#2f7042", "#6f3f8f", "#7a6210"];
const SHAPES = ["square", "triangle-up", "diamond", "cross", "triangle-down"];

export interface TrendPoint {
  /** Round label (title and date), unique per round. */
  round: string;
  series: string;
  /** Null for a round without results: the line breaks there, the round keeps its place. */
  score: number | null;
}

function spec(series: string[], temperature: string): TopLevelSpec {
  // Themes keep their colour and shape whatever their position; the temperature is the dashed ink line.
  const themes = series.filter((s) => s !== temperature);
  const colours = series.map((s) => (s === temperature ? INK : (SERIES_COLOURS[themes.indexOf(s) % SERIES_COLOURS.length] ?? INK)));
  const shapes = series.map((s) => (s === temperature ? "circle" : (SHAPES[themes.indexOf(s) % SHAPES.length] ?? "circle")));
  const legend = {
    orient: "bottom",
    title: null,
    columns: 3,
    columnPadding: 24,
    // Never cut a theme's name: the legend grows instead.
    labelLimit: 0,
    labelFontSize: 10,
    symbolStrokeWidth: 2,
  } as const;
  return {
    width: 560,
    height: 230,
    data: { name: "rows" },
    config: BASE_CONFIG,
    encoding: {
      x: {
        field: "round",
        type: "ordinal",
        sort: null,
        axis: {
          title: null,
          labelAngle: 0,
          labelFontSize: 9,
          // Round titles are wrapped by roundLabel; a limit would cut them with "…".
          labelLimit: 0,
          labelExpr: "split(datum.label, '\\n')",
          domainColor: "#8a949e",
        },
      },
      y: {
        field: "score",
        type: "quantitative",
        scale: { domain: [0, 100] },
        axis: { title: null, values: [0, 25, 50, 75, 100], labelFontSize: 9, grid: true },
      },
      // Colour and shape share the field and the legend options, so they make one legend.
      color: { field: "series", type: "nominal", scale: { domain: series, range: colours }, legend },
      shape: { field: "series", type: "nominal", scale: { domain: series, range: shapes }, legend },
    },
    layer: [
      {
        mark: { type: "line", strokeWidth: 2, invalid: "break-paths-show-domains" },
        encoding: { strokeDash: { condition: { test: `datum.series === ${JSON.stringify(temperature)}`, value: [5, 3] }, value: [1, 0] } },
      },
      { mark: { type: "point", filled: true, size: 45, opacity: 1, invalid: "break-paths-show-domains" } },
    ],
  };
}

/** Makes a round's axis label: its title over its closing date. */
export function roundLabel(title: string, date: string): string {
  return `${wrapLabel(title, 22)}\n${date}`;
}

/** The trend chart; `series` lists the line names in legend order (the temperature among them). */
export async function trendChart(
  charts: ChartViews,
  points: TrendPoint[],
  series: string[],
  temperature: string,
  alt: string,
): Promise<Chart> {
  const svg = await charts.render(`trend:${JSON.stringify([series, temperature])}`, () => spec(series, temperature), points);
  return { svg: trustedSvg(svg), alt };
}
