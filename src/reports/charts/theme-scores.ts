// Horizontal bars of the theme scores (0–100), each labelled with its formatted score.
import type { TopLevelSpec } from "vega-lite";
import { BASE_CONFIG, type Chart, type ChartViews, INK, RULE, trustedSvg, wrapLabel } from "../../lib/charts";

export const SCORE_COLOUR = "#1f4e79";

export interface ThemeBar {
  label: string;
  score: number | null;
  /** The score formatted for the language. */
  text: string;
}

function spec(): TopLevelSpec {
  return {
    width: 440,
    height: { step: 26 },
    data: { name: "rows" },
    config: BASE_CONFIG,
    encoding: {
      y: {
        field: "label",
        type: "nominal",
        sort: null,
        // Titles wrap over lines instead of being cut with "…" (labelLimit 0 is no limit).
        axis: {
          title: null,
          domain: false,
          ticks: false,
          labelFontSize: 11,
          labelPadding: 8,
          labelLimit: 0,
          minExtent: 170,
          labelExpr: "split(datum.label, '\\n')",
        },
      },
    },
    layer: [
      {
        mark: { type: "bar", height: 16, color: SCORE_COLOUR },
        encoding: {
          x: {
            field: "score",
            type: "quantitative",
            scale: { domain: [0, 100] },
            axis: { title: null, values: [0, 25, 50, 75, 100], grid: true, labelFontSize: 9, domain: false, tickColor: RULE },
          },
        },
      },
      {
        mark: { type: "text", align: "left", dx: 4, fontSize: 10, color: INK, fontWeight: "bold" },
        encoding: { x: { field: "score", type: "quantitative" }, text: { field: "text" } },
      },
    ],
  };
}

/** The theme scores chart; `alt` is the caller's summary sentence. */
export async function themeScoresChart(charts: ChartViews, bars: ThemeBar[], alt: string): Promise<Chart> {
  const rows = bars.map((b) => ({ label: wrapLabel(b.label, 24), score: b.score ?? 0, text: b.text }));
  return { svg: trustedSvg(await charts.render("themes", spec, rows)), alt };
}
