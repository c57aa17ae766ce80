import { stringify } from "csv-stringify/sync";

// A spreadsheet treats a cell starting with one of these as a formula (or strips the character
// and then does): a member named "=HYPERLINK(...)" must arrive as text, not as something to run.
// A cell also starts after a list separator: a semicolon (Dutch Excel), a comma or a tab, and
// after a line break for a program that ignores quotes. So a trigger at the very start or right
// after one of those gets a `'` in front.
const FORMULA_AT_CELL_START = /(^|[;,\t\r\n])(?=[=+\-@\t\r])/g;

/**
 * Text a person typed, as a spreadsheet will show it: every formula trigger (`= + - @`, tab, CR) at
 * the start or after a `;`, `,`, tab or line break gets a leading `'`.
 * @example safeCell("Org;=1+2") // "Org;'=1+2"
 */
export function safeCell(value: string): string {
  return value.replace(FORMULA_AT_CELL_START, "$1'");
}

/** A CSV field: text (typed by someone, so neutralised), a number we computed (kept a number), or nothing. */
export type CsvCell = string | number | null | undefined;

const field = (cell: CsvCell): string => (typeof cell === "number" ? String(cell) : safeCell(cell ?? ""));

/**
 * A CSV document for people who open it in a spreadsheet: UTF-8 with a byte-order mark (so Excel
 * reads accents right), CRLF line ends, every field quoted (so that no separator or line break in
 * it splits a cell, whatever separator the spreadsheet expects), formula injection neutralised in
 * every text field, and numbers we computed written as plain numbers (a change of -3.2 stays a number).
 * @example toCsv(["name", "n"], [["Ann", 3]]) // '\uFEFF"name","n"\r\n"Ann","3"\r\n'
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const body = stringify(
    [header, ...rows].map((row) => row.map(field)),
    { record_delimiter: "\r\n", quoted: true, quoted_empty: true },
  );
  return `\uFEFF${body}`;
}

/**
 * A file-name-safe slug of a title, e.g. "Spring 2026 — Zorg & Welzijn" → "spring-2026-zorg-welzijn".
 * Falls back to `fallback` when nothing is left.
 */
export function fileSlug(title: string, fallback = "export"): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || fallback;
}

/** A `Content-Disposition` value that makes the browser save `filename`. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/["\\\r\n]/g, "")}"`;
}
