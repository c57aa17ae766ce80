// Diverging bars per statement: disagree to the left of the centre, neutral across it, agree to the
// right. The percentages are the results' own (rounded) figures; only bar positions are derived.
import type { TopLevelSpec } from "vega-lite";
import { BASE_CONFIG, type Chart, type ChartViews, INK, MUTED, RULE, trustedSvg, wrapLabel } from "../../lib/charts";

export const PART_COLOURS = { disagree: "#a4532f", neutral: "#c9ced4", agree: "#1f5f7f" } as const;

export interface ItemBar {
  label: string;
  shown: boolean;
  unfavourable?: number | null;
  neutral?: number | null;
  favourable?: number | null;
  /** The three percentages formatted for the language. */
  texts?: { unfavourable: string; neutral: string; favourable: string };
}

export interface ItemBarLabels {
  disagree: string;
  neutral: string;
  agree: string;
  tooFew: string;
}

/** Segments narrower than this (in percentage points) carry no label. */
const MIN_LABELLED = 13;

function spec(labels: ItemBarLabels): TopLevelSpec {
  const parts = [labels.disagree, labels.neutral, labels.agree];
  return {
    width: 400,
    height: { step: 46 },
    data: { name: "rows" },
    config: BASE_CONFIG,
    encoding: {
      y: {
        field: "label",
        type: "nominal",
        sort: null,
        axis: {
          title: null,
          domain: false,
          ticks: false,
          // No limit: Vega would cut a label with "…" where its width estimate runs over; wrapLabel keeps lines short.
          labelLimit: 0,
          labelPadding: 8,
          labelFontSize: 10,
          labelExpr: "split(datum.label, '\\n')",
        },
      },
    },
    layer: [
      {
        mark: { type: "rule", color: RULE },
        encoding: { x: { datum: 0, type: "quantitative", scale: { domain: [-100, 100] }, axis: null } },
      },
      {
        transform: [{ filter: "datum.part != null" }],
        mark: { type: "bar", height: 20 },
        encoding: {
          x: { field: "x0", type: "quantitative", scale: { domain: [-100, 100] }, axis: null },
          x2: { field: "x1" },
          color: {
            field: "part",
            type: "nominal",
            scale: { domain: parts, range: [PART_COLOURS.disagree, PART_COLOURS.neutral, PART_COLOURS.agree] },
            legend: { orient: "top", title: null, symbolType: "square", labelFontSize: 10, direction: "horizontal" },
          },
        },
      },
      {
        transform: [{ filter: "datum.text != null" }],
        mark: { type: "text", fontSize: 9 },
        encoding: {
          x: { field: "mid", type: "quantitative" },
          text: { field: "text" },
          color: { condition: { test: `datum.part === ${JSON.stringify(labels.neutral)}`, value: INK }, value: "#ffffff" },
        },
      },
      {
        transform: [{ filter: "datum.part == null" }],
        mark: { type: "text", fontSize: 10, fontStyle: "italic", color: MUTED },
        encoding: { x: { datum: 0, type: "quantitative" }, text: { value: labels.tooFew } },
      },
    ],
  };
}

interface Segment {
  label: string;
  part: string | null;
  x0: number;
  x1: number;
  mid: number;
  text: string | null;
}

function segments(item: ItemBar, labels: ItemBarLabels): Segment[] {
  const label = wrapLabel(item.label, 42);
  if (!item.shown || !item.texts) return [{ label, part: null, x0: 0, x1: 0, mid: 0, text: null }];
  const u = item.unfavourable ?? 0;
  const n = item.neutral ?? 0;
  const f = item.favourable ?? 0;
  const bars = [
    { part: labels.disagree, x0: -(u + n / 2), x1: -n / 2, width: u, text: item.texts.unfavourable },
    { part: labels.neutral, x0: -n / 2, x1: n / 2, width: n, text: item.texts.neutral },
    { part: labels.agree, x0: n / 2, x1: n / 2 + f, width: f, text: item.texts.favourable },
  ];
  return bars.map((b) => ({
    label,
    part: b.part,
    x0: b.x0,
    x1: b.x1,
    mid: (b.x0 + b.x1) / 2,
    text: b.width >= MIN_LABELLED ? b.text : null,
  }));
}

/** The diverging bar chart of one theme's statements; `alt` is the caller's summary sentence. */
export async function itemBarsChart(charts: ChartViews, items: ItemBar[], labels: ItemBarLabels, alt: string): Promise<Chart> {
  const rows = items.flatMap((item) => segments(item, labels));
  const svg = await charts.render(`items:${JSON.stringify(labels)}`, () => spec(labels), rows);
  return { svg: trustedSvg(svg), alt };
}
