import { describe, expect, it } from "vitest";
import { type CsvRow, detectDelimiter, MAX_IMPORT_ROWS, parseRosterCsv } from "../../src/members/import";
import { rowsForConfirm, rowsFromConfirm } from "../../src/members/import-confirm";
import { previewImport } from "../../src/members/import-preview";

/** The rows of a file that must parse. */
function rowsOf(text: string): CsvRow[] {
  const parsed = parseRosterCsv(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rows;
}

const row = (line: number, name: string, email = "", organisation = ""): CsvRow => ({ line, name, email, organisation });

describe("parseRosterCsv: the file's shape", () => {
  it("reads a plain comma-separated file with the header row first", () => {
    expect(rowsOf("name,email,organisation\nAnn Bell,ann@example.org,Valley Hospital\n")).toEqual([
      row(2, "Ann Bell", "ann@example.org", "Valley Hospital"),
    ]);
  });

  it("ignores a UTF-8 byte-order mark (Excel's “CSV UTF-8”) so that the first header still counts", () => {
    expect(rowsOf("\uFEFFname,email\r\nJosé Núñez,jose@example.org\r\n")).toEqual([row(2, "José Núñez", "jose@example.org")]);
  });

  it("reads semicolons, as a Dutch Excel writes, detected from the header line", () => {
    expect(detectDelimiter("naam;e-mail;organisatie")).toBe(";");
    expect(detectDelimiter("name,email")).toBe(",");
    // A comma inside a semicolon file is part of the value.
    expect(rowsOf("naam;e-mail;organisatie\nBell, Ann;ann@example.org;GGD Noord, afdeling 2\n")).toEqual([
      row(2, "Bell, Ann", "ann@example.org", "GGD Noord, afdeling 2"),
    ]);
  });

  it("takes headers in any order, any case, trimmed, in English or Dutch, and ignores extra columns", () => {
    const text = " Organisatie ;Phone; E-MAIL ;NAAM\nValley;0612345678;ann@example.org;Ann\n";
    expect(rowsOf(text)).toEqual([row(2, "Ann", "ann@example.org", "Valley")]);
    expect(rowsOf("Email,Name,Organization\nbo@example.org,Bo,Hill\n")).toEqual([row(2, "Bo", "bo@example.org", "Hill")]);
  });

  it("reads quoted fields with commas, quotes and line breaks, and numbers rows by the line they start on", () => {
    const text = [
      "name,email,organisation",
      '"Bell, Ann",ann@example.org,"Valley ""East"" Hospital"',
      '"Carl',
      'Dunn",carl@example.org,"Hill Practice,',
      'second site"',
      "Eve,eve@example.org,",
    ].join("\r\n");
    expect(rowsOf(text)).toEqual([
      row(2, "Bell, Ann", "ann@example.org", 'Valley "East" Hospital'),
      // The name's line break is layout: one space in the name.
      row(3, "Carl Dunn", "carl@example.org", "Hill Practice, second site"),
      row(6, "Eve", "eve@example.org"),
    ]);
  });

  it("skips blank lines and rows of empty cells but keeps counting lines", () => {
    const text = "name;email\n\nAnn;ann@example.org\n;;\n   \nBo;bo@example.org\n\n";
    expect(rowsOf(text)).toEqual([row(3, "Ann", "ann@example.org"), row(6, "Bo", "bo@example.org")]);
  });

  it("counts lines the same whatever the line endings (CRLF, LF, old Mac CR, mixed)", () => {
    expect(rowsOf("name\r\nA\nB\rC\r\n\r\nD").map((r) => r.line)).toEqual([2, 3, 4, 6]);
  });

  it("accepts a file without email or organisation columns and says which are missing", () => {
    const parsed = parseRosterCsv("name\nAnn\n");
    expect(parsed).toEqual({ ok: true, rows: [row(2, "Ann")], missingColumns: ["email", "organisation"] });
  });

  it("refuses a file without a name column with one clear message", () => {
    const parsed = parseRosterCsv("email,organisation\nann@example.org,Valley\n");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/no “name” column.*naam/);
    // A file without a header row reads its first member as the header: same message.
    expect(parseRosterCsv("Ann Bell,ann@example.org\n").ok).toBe(false);
  });

  it("refuses an empty file", () => {
    expect(parseRosterCsv("")).toEqual({ ok: false, message: expect.stringMatching(/empty/) });
    expect(parseRosterCsv("\uFEFF\r\n\r\n")).toEqual({ ok: false, message: expect.stringMatching(/empty/) });
  });

  it("names the line where a quote is never closed", () => {
    const parsed = parseRosterCsv('name,email\nAnn,ann@example.org\n\n"Bo,bo@example.org\nCy,cy@example.org\n');
    expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/^Line 4: a quoted field .* never closed/) });
  });

  it("takes 10,000 rows and refuses more", () => {
    const file = (n: number) => `name\n${Array.from({ length: n }, (_, i) => `M${i}`).join("\n")}`;
    expect(rowsOf(file(MAX_IMPORT_ROWS))).toHaveLength(MAX_IMPORT_ROWS);
    expect(parseRosterCsv(file(MAX_IMPORT_ROWS + 1))).toEqual({ ok: false, message: expect.stringMatching(/10,001 rows.*at most 10,000/) });
  });
});

describe("previewImport: rows to add, duplicates and errors", () => {
  it("adds valid rows with lower-cased emails and empty optional cells left out", () => {
    const preview = previewImport([row(2, "Ann", "Ann@Example.ORG", "Valley"), row(3, "Bo")], new Set());
    expect(preview).toEqual({
      toAdd: [
        { line: 2, member: { name: "Ann", email: "ann@example.org", organisation: "Valley" } },
        { line: 3, member: { name: "Bo" } },
      ],
      duplicates: [],
      errors: [],
    });
  });

  it("reports every bad row by its line with what is wrong", () => {
    const preview = previewImport(
      [row(2, "", "ann@example.org"), row(3, "Bo", "bo@"), row(5, "x".repeat(201), "not an email"), row(6, "Cy", "", "y".repeat(201))],
      new Set(),
    );
    expect(preview.toAdd).toEqual([]);
    expect(preview.errors).toEqual([
      { line: 2, problems: ["name is missing"] },
      { line: 3, problems: ["email “bo@” is not a valid email address"] },
      { line: 5, problems: ["name is longer than 200 characters", "email “not an email” is not a valid email address"] },
      { line: 6, problems: ["organisation is longer than 200 characters"] },
    ]);
  });

  it("finds duplicates by email against the roster and within the file (case-insensitive), keeping the first", () => {
    const rows = [row(2, "Ann", "ann@example.org"), row(3, "Bo", "BO@example.org"), row(4, "Bo again", "bo@example.org"), row(7, "Cy")];
    const preview = previewImport(rows, new Set(["ann@example.org"]));
    expect(preview.toAdd.map((r) => r.line)).toEqual([3, 7]);
    expect(preview.duplicates).toEqual([
      { line: 2, name: "Ann", email: "ann@example.org", reason: "already on the roster" },
      { line: 4, name: "Bo again", email: "bo@example.org", reason: "same email as line 3" },
    ]);
  });

  it("never counts members without email as duplicates of each other", () => {
    expect(previewImport([row(2, "Ann"), row(3, "Ann")], new Set()).toAdd).toHaveLength(2);
  });
});

describe("the confirm step's hidden rows", () => {
  it("round-trips the rows to add", () => {
    const { toAdd } = previewImport([row(2, "Ann", "ann@example.org", "Valley"), row(3, "Bo")], new Set());
    const back = rowsFromConfirm(rowsForConfirm(toAdd));
    expect(back).toEqual([row(1, "Ann", "ann@example.org", "Valley"), row(2, "Bo")]);
  });

  it("refuses anything that is not a list of members", () => {
    expect(rowsFromConfirm(undefined)).toBeNull();
    expect(rowsFromConfirm("not json")).toBeNull();
    expect(rowsFromConfirm("[]")).toBeNull();
    expect(rowsFromConfirm('{"name":"Ann"}')).toBeNull();
    expect(rowsFromConfirm('[{"name":"Ann","admin":true}]')).toBeNull();
    expect(rowsFromConfirm('[{"name":42}]')).toBeNull();
  });
});
