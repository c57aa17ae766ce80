// Results by group: only the breakdowns the results show (every bucket at or above the threshold).
import type { ShownRoundResults } from "../../results/round-results";
import type { BreakdownKey } from "../../results/types";
import type { Formatter } from "../format";
import type { Messages } from "../messages";

const KEYS: BreakdownKey[] = ["organisationType", "professionalGroup", "involvement"];

interface Row {
  label: string;
  n: number;
  overall: number | null;
  themes: Record<string, number | null>;
}

export function breakdownsSection(results: ShownRoundResults, m: Messages, f: Formatter) {
  const min = f.count(results.minResponses);
  const tables = KEYS.map((key) => ({ key, rows: results.breakdowns[key] as unknown as Row[] }))
    .filter((b) => b.rows.length > 0)
    .map((b) => ({
      title: m.breakdowns.by[b.key],
      rows: b.rows.map((row) => ({
        label: row.label,
        n: f.count(row.n),
        temperature: f.score(row.overall),
        themes: results.themes.map((t) => f.score(row.themes[t.code] ?? null)),
      })),
    }));
  return {
    title: m.breakdowns.title,
    intro: m.breakdowns.intro(min),
    none: tables.length === 0 ? m.breakdowns.none(min) : null,
    themeTitles: results.themes.map((t) => t.title),
    tables,
  };
}

export type BreakdownsSection = ReturnType<typeof breakdownsSection>;
