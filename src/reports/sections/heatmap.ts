// Results by group as a heatmap: breakdown groups × temperature and themes. Only the figures the
// results let through (breakdown.ts decides; nothing is recomputed here); a hidden one says "too
// few answers". Each cell carries its figure as text, so the table reads in grey print and to a
// screen reader; the shade (one of five bands) only repeats it.

import type { Messages } from "../../i18n/report";
import type { Formatter } from "../../lib/format";
import type { ShownRoundResults } from "../../results/labelled-results";
import type { BreakdownKey } from "../../results/types";

const KEYS: BreakdownKey[] = ["organisationType", "professionalGroup", "involvement"];

interface Row {
  label: string;
  n: number;
  overall: number | null;
  themes: Record<string, number | null>;
}

export interface HeatCell {
  text: string;
  /** 1 (under 20) … 5 (80 and over); null for a hidden figure. */
  band: number | null;
  shown: boolean;
}

/** The band of a 0–100 score: 20 points each. @example bandOf(62.5) // 4 */
export function bandOf(score: number): number {
  return Math.min(5, Math.max(1, Math.floor(score / 20) + 1));
}

function cell(score: number | null, m: Messages, f: Formatter): HeatCell {
  return score === null ? { text: m.theme.tooFew, band: null, shown: false } : { text: f.score(score), band: bandOf(score), shown: true };
}

/** One table per background question that has a breakdown, rows in the results' order. */
export function heatmapSection(results: ShownRoundResults, m: Messages, f: Formatter) {
  const min = f.count(results.minResponses);
  const tables = KEYS.map((key) => ({ key, rows: results.breakdowns[key] as unknown as Row[] }))
    .filter((b) => b.rows.length > 0)
    .map((b) => ({
      id: `heatmap-${b.key}`,
      title: m.breakdowns.by[b.key],
      rows: b.rows.map((row) => ({
        label: row.label,
        n: f.count(row.n),
        cells: [cell(row.overall, m, f), ...results.themes.map((t) => cell(row.themes[t.code] ?? null, m, f))],
      })),
    }));
  return {
    title: m.breakdowns.title,
    intro: m.breakdowns.intro(min),
    none: tables.length === 0 ? m.breakdowns.none(min) : null,
    columns: [m.summary.temperature, ...results.themes.map((t) => t.title)],
    legend: m.breakdowns.legend,
    bands: m.breakdowns.bands.map((label, i) => ({ band: i + 1, label })),
    tables,
  };
}

export type HeatmapSection = ReturnType<typeof heatmapSection>;
