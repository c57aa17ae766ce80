// Server-side charts: Vega-Lite specs compiled to Vega, rendered to SVG strings without a canvas.
import Handlebars from "handlebars";
import type { View } from "vega";
import type { TopLevelSpec } from "vega-lite";

/** Fonts installed with Chromium (fonts-liberation), so text measures and prints the same. */
export const CHART_FONT = "Liberation Sans, Arial, Helvetica, sans-serif";
export const INK = "#1d2733";
export const MUTED = "#4f5b67";
export const RULE = "#c9ced4";

/** A chart ready for a template: our SVG (never user input) and its text alternative. */
export interface Chart {
  svg: Handlebars.SafeString;
  alt: string;
}

/** Settings every chart shares: fonts, no ARIA noise inside the SVG (the wrapper carries the label). */
export const BASE_CONFIG = {
  font: CHART_FONT,
  aria: false,
  background: "white",
  view: { stroke: null },
  axis: {
    labelColor: INK,
    titleColor: INK,
    labelFont: CHART_FONT,
    titleFont: CHART_FONT,
    domainColor: RULE,
    tickColor: RULE,
    gridColor: "#e6e9ec",
  },
  legend: { labelColor: INK, labelFont: CHART_FONT, titleFont: CHART_FONT },
  text: { font: CHART_FONT },
} as const;

/**
 * A view over the compiled spec. Vega and Vega-Lite (~25 MB of JavaScript) are loaded at the first
 * chart rather than with every module that can reach this one, which is the whole app.
 */
async function buildView(spec: TopLevelSpec): Promise<View> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  return new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" });
}

/**
 * The figure around a chart carries role="img" and the text alternative: the drawing itself keeps
 * no ARIA of its own. Vega's mark roles would each want a name of their own, and aria-hidden is
 * worse still: Chromium leaves hidden content out of a tagged PDF and can take the figure and its
 * alternative text with it. Only attributes inside tags are touched (text never holds a raw "<").
 */
function plainDrawing(svg: string): string {
  const bare = svg.replace(/<[^>]+>/g, (tag) => tag.replace(/ (?:role|aria-[a-z]+)="[^"]*"/g, ""));
  return bare.replace(/^<svg /, '<svg focusable="false" ');
}

interface Slot {
  view: Promise<View>;
  turn: Promise<unknown>;
}
const MAX_SLOTS = 64;

/** An app's chart renderer: its compiled views and the time spent rendering (for the benchmark). */
export interface ChartViews {
  /**
   * Renders a Vega-Lite spec whose data is the named source `rows` to an SVG string. `key` must
   * change whenever the spec would (language, labels, sizes); the data never goes into the key.
   * @example await charts.render(`scores:${lang}`, () => spec, rows)
   */
  render(key: string, spec: () => TopLevelSpec, rows: object[]): Promise<string>;
  readonly stats: { renders: number; ms: number };
}

/**
 * A chart renderer, one per app (built by appDeps). Compiling and parsing a spec costs ~30 ms and
 * building a view over it up to ~20 ms more, while rendering new data in an existing view takes
 * ~2–8 ms. A spec's only variable part is its data (the named source "rows"), so one view per spec
 * is kept and charts of the same kind take turns.
 */
export function createChartViews(): ChartViews {
  const slots = new Map<string, Slot>();
  const stats = { renders: 0, ms: 0 };

  const slotFor = (key: string, spec: () => TopLevelSpec): Slot => {
    let slot = slots.get(key);
    if (!slot) {
      if (slots.size >= MAX_SLOTS) {
        for (const old of slots.values()) void old.view.then((view) => view.finalize()).catch(() => {});
        slots.clear();
      }
      const made: Slot = { view: buildView(spec()), turn: Promise.resolve() };
      // A spec that does not compile is not kept: the next call tries again and fails the same way.
      made.view.catch(() => {
        if (slots.get(key) === made) slots.delete(key);
      });
      slots.set(key, made);
      slot = made;
    }
    return slot;
  };

  return {
    stats,
    render(key, spec, rows) {
      const slot = slotFor(key, spec);
      const run = slot.turn.then(async () => {
        const view = await slot.view;
        const started = performance.now();
        try {
          view.data("rows", rows);
          // Vega escapes every text it writes into the SVG (labels, titles), so user text stays text.
          return plainDrawing(await view.toSVG());
        } finally {
          stats.renders++;
          stats.ms += performance.now() - started;
        }
      });
      slot.turn = run.catch(() => undefined);
      return run;
    },
  };
}

/**
 * Marks an SVG string we produced (Vega's output or our own drawing with escaped text) as safe to
 * insert whole. Never call it on anything a person typed.
 */
export function trustedSvg(svg: string): Handlebars.SafeString {
  return new Handlebars.SafeString(svg);
}

/** Escapes text for our own SVG drawings. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Breaks a label into lines of at most `width` characters, for multi-line axis labels. */
export function wrapLabel(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}
