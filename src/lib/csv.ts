import { stringify } from "csv-stringify/sync";

// A spreadsheet treats a cell starting with one of these as a formula (or strips the character
// and then does): a member named "=HYPERLINK(...)" must arrive as text, not as something to run.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as a spreadsheet will show it: text that looks like a formula gets a leading `'`. */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A CSV document for people who open it in a spreadsheet: UTF-8 with a byte-order mark (so Excel
 * reads accents right), CRLF line ends, every field quoted when needed and formula injection
 * neutralised in every cell.
 * @example toCsv(["name", "email"], [["Ann", "ann@example.org"]]) // "\uFEFFname,email\r\nAnn,ann@example.org\r\n"
 */
export function toCsv(header: string[], rows: string[][]): string {
  // A lone carriage return is not quoted by default, yet spreadsheets read it as a line break.
  const body = stringify(
    [header, ...rows].map((row) => row.map(safeCell)),
    { record_delimiter: "\r\n", quoted_match: /\r/ },
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
