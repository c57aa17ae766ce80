// The figures as a plain-text table (terminal) and as Markdown (BENCHMARKS.md).
import type { Figure } from "./figures";

/** A number as people read it: more decimals for small values. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return "—";
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function cells(f: Figure): string[] {
  const value = `${num(f.value)}${f.unit ? ` ${f.unit}` : ""}`;
  const reference = f.reference ? `${num(f.reference.value)} (${f.reference.name})` : "";
  const ratio = f.ratio === undefined ? "" : `${f.ratio.toFixed(2)}×`;
  const target = f.target ? `${f.target.met ? "met" : "MISSED"}: ${f.target.text}` : "";
  return [f.name, value, reference, ratio, target, f.note ?? ""];
}

const HEADER = ["figure", "value", "reference (same run)", "ratio", "target", "note"];

function bySection(figures: readonly Figure[]): Map<string, Figure[]> {
  const sections = new Map<string, Figure[]>();
  for (const f of figures) sections.set(f.section, [...(sections.get(f.section) ?? []), f]);
  return sections;
}

/** Aligned columns, one block per section. */
export function textTable(figures: readonly Figure[]): string {
  const rows = figures.map(cells);
  const widths = HEADER.map((h, i) => Math.min(70, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length))));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(" │ ")
      .trimEnd();
  const out: string[] = [];
  for (const [section, list] of bySection(figures)) {
    out.push("", section, line(HEADER), widths.map((w) => "─".repeat(w)).join("─┼─"));
    for (const f of list) out.push(line(cells(f)));
  }
  return out.join("\n");
}

const escapeCell = (s: string) => s.replaceAll("|", "\\|");

/** One Markdown table per section, under `###` headings. */
export function markdownTables(figures: readonly Figure[]): string {
  const out: string[] = [];
  for (const [section, list] of bySection(figures)) {
    out.push(`### ${section}`, "", `| ${HEADER.join(" | ")} |`, `|${HEADER.map(() => " --- ").join("|")}|`);
    for (const f of list) out.push(`| ${cells(f).map(escapeCell).join(" | ")} |`);
    out.push("");
  }
  return out.join("\n");
}
