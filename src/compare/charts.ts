// One line chart per figure (the temperature and each theme): every compared network a line over
// the closing dates of its rounds. Rounds with too few responses break the line; the table names them.
import type { TopLevelSpec } from "vega-lite";
import { BASE_CONFIG, type Chart, type ChartViews, trustedSvg } from "../lib/charts";

/** Distinct in hue and lightness, each ≥ 4.5:1 on white; shapes tell lines apart in grey print too. */
export const NETWORK_COLOURS = ["#1f4e79", "#b0561b", "#2f7042", "#6f3f8f", "#7a6210", "#a3231f", "#0f6b6b", "#5a5a5a"];
export const NETWORK_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down"] as const;

/** How one network is drawn, the same in every chart and in the shared legend. */
export interface SeriesStyle {
  colour: string;
  shape: (typeof NETWORK_SHAPES)[number];
}

export function seriesStyle(index: number): SeriesStyle {
  return {
    colour: NETWORK_COLOURS[index % NETWORK_COLOURS.length] ?? "#1f4e79",
    shape: NETWORK_SHAPES[index % NETWORK_SHAPES.length] ?? "circle",
  };
}

export interface LinePoint {
  /** Index of the network in the comparison; one line each. */
  series: number;
  /** ISO closing time of the round. */
  closedAt: string;
  /** The results' figure, null for a round with too few responses (breaks the line). */
  score: number | null;
  colour: string;
  shape: string;
}

// Colours and shapes come with the data (scale: null), so the spec never changes with the
// networks compared and one parsed runtime serves every comparison; the legend is the page's own.
function spec(): TopLevelSpec {
  return {
    width: 380,
    height: 200,
    data: { name: "rows" },
    config: { ...BASE_CONFIG, mark: { invalid: "break-paths-show-domains" } },
    encoding: {
      x: {
        field: "closedAt",
        type: "temporal",
        scale: { type: "utc", padding: 12 },
        axis: { title: null, format: "%b %Y", labelFontSize: 13, labelOverlap: true, tickCount: 5, grid: false },
      },
      y: {
        field: "score",
        type: "quantitative",
        scale: { domain: [0, 100] },
        axis: { title: null, values: [0, 25, 50, 75, 100], labelFontSize: 13, grid: true },
      },
      detail: { field: "series", type: "nominal" },
    },
    layer: [
      { mark: { type: "line", strokeWidth: 2 }, encoding: { stroke: { field: "colour", type: "nominal", scale: null } } },
      {
        mark: { type: "point", filled: true, size: 50, opacity: 1 },
        encoding: { color: { field: "colour", type: "nominal", scale: null }, shape: { field: "shape", type: "nominal", scale: null } },
      },
    ],
  };
}

/** A line chart of one figure across networks and time; `alt` is the caller's text alternative. */
export async function lineChart(charts: ChartViews, points: LinePoint[], alt: string): Promise<Chart> {
  // The wrapper (role="img" + aria-label) speaks for the whole chart; see ChartViews.
  return { svg: trustedSvg(await charts.render("compare:lines", spec, points)), alt };
}

/** A small legend swatch drawn by hand: the network's shape in its colour (no inline style, CSP-safe). */
export function legendSwatch(style: SeriesStyle): Chart["svg"] {
  const shapes: Record<SeriesStyle["shape"], string> = {
    circle: '<circle cx="8" cy="8" r="5"/>',
    square: '<rect x="3" y="3" width="10" height="10"/>',
    "triangle-up": '<path d="M8 2 L14 13 L2 13 Z"/>',
    "triangle-down": '<path d="M2 3 L14 3 L8 14 Z"/>',
    diamond: '<path d="M8 1 L15 8 L8 15 L1 8 Z"/>',
    cross: '<path d="M6 2h4v4h4v4h-4v4h-4v-4h-4v-4h4z"/>',
  };
  // Both values come from our own fixed lists above, never from input.
  return trustedSvg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><g fill="${style.colour}">${shapes[style.shape]}</g></svg>`,
  );
}
