import { CsvError, parse } from "csv-parse/sync";

/** The most data rows one import takes; the API's AddMembersSchema has the same ceiling. */
export const MAX_IMPORT_ROWS = 10_000;

/** One data row as it stands in the file, with the line it starts on. Not validated yet. */
export interface CsvRow {
  line: number;
  name: string;
  email: string;
  organisation: string;
}

export type RosterColumn = "name" | "email" | "organisation";

export type ParsedRoster = { ok: true; rows: CsvRow[]; missingColumns: Exclude<RosterColumn, "name">[] } | { ok: false; message: string };

// English and Dutch spreadsheets, as people type the headers.
const HEADER_NAMES: Record<string, RosterColumn> = {
  name: "name",
  naam: "name",
  email: "email",
  "e-mail": "email",
  organisation: "organisation",
  organization: "organisation",
  organisatie: "organisation",
};

const thousands = (n: number) => n.toLocaleString("en-GB");
const lineBreaks = (s: string) => s.split("\n").length - 1;

/** Excel in a Dutch locale writes `;`, in an English one `,`: the header line tells which. */
export function detectDelimiter(headerLine: string): "," | ";" {
  const count = (ch: string) => headerLine.split(ch).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

function columnIndexes(header: string[]): Partial<Record<RosterColumn, number>> {
  const indexes: Partial<Record<RosterColumn, number>> = {};
  header.forEach((cell, i) => {
    const column = HEADER_NAMES[cell.trim().toLowerCase()];
    // The first column of a kind wins; extra columns (phone, notes…) are ignored.
    if (column && indexes[column] === undefined) indexes[column] = i;
  });
  return indexes;
}

function quoteError(err: CsvError, text: string, lastLine: number): string {
  // csv-parse reports where it gave up (often the end of the file); the row after the last good
  // one is where the trouble starts.
  const lines = text.split("\n");
  let line = lastLine + 1;
  while (line <= lines.length && (lines[line - 1] ?? "").trim() === "") line++;
  const what = err.code === "CSV_QUOTE_NOT_CLOSED" ? 'a quoted field (starting with ") is never closed' : 'a quote (") is out of place';
  return `Line ${line}: ${what}, so the file could not be read. Check that line in a spreadsheet or text editor and import again.`;
}

/**
 * Reads a roster CSV: header row required (name, email, organisation in any order, English or
 * Dutch, any case), UTF-8 with or without BOM, comma or semicolon, quoted fields with commas and
 * line breaks, blank lines skipped. Each row keeps the file line it starts on.
 * @example parseRosterCsv("naam;e-mail\nAnn;ann@example.org").rows // [{ line: 2, name: "Ann", email: "ann@example.org", organisation: "" }]
 */
export function parseRosterCsv(input: string): ParsedRoster {
  // One kind of line break, so that line numbers count the way an editor does whatever the source.
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const headerLine = text.split("\n").find((l) => l.trim() !== "");
  if (headerLine === undefined)
    return { ok: false, message: "The file is empty. Choose a CSV file with a header row and one row per member." };

  // The line each record ends on, in step with the records (on_record only sees records kept).
  const endLines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(headerLine),
      record_delimiter: "\n",
      trim: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      on_record: (record, context) => {
        endLines.push(context.lines);
        return record;
      },
    });
  } catch (err) {
    if (err instanceof CsvError) return { ok: false, message: quoteError(err, text, endLines.at(-1) ?? 0) };
    throw err;
  }

  const [header, ...data] = records;
  const columns = columnIndexes(header ?? []);
  if (columns.name === undefined)
    return {
      ok: false,
      message:
        "The first row must name the columns, and there is no “name” column. Use the headers name, email, organisation (or naam, e-mail, organisatie).",
    };
  if (data.length > MAX_IMPORT_ROWS)
    return { ok: false, message: `The file has ${thousands(data.length)} rows; import at most ${thousands(MAX_IMPORT_ROWS)} at a time.` };

  const cell = (record: string[], column: RosterColumn) => {
    const i = columns[column];
    // A line break or tab inside a quoted cell is layout, not part of a name.
    return i === undefined ? "" : (record[i] ?? "").replace(/\s+/g, " ").trim();
  };
  const rows = data.map((record, i) => ({
    // A record ends on endLines[i]; the line breaks inside its quoted fields say how far up it starts.
    line: (endLines[i + 1] ?? 0) - record.reduce((n, field) => n + lineBreaks(field), 0),
    name: cell(record, "name"),
    email: cell(record, "email"),
    organisation: cell(record, "organisation"),
  }));
  const missingColumns = (["email", "organisation"] as const).filter((c) => columns[c] === undefined);
  return { ok: true, rows, missingColumns };
}
