import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { attachment, fileSlug, safeCell, toCsv } from "../../src/lib/csv";

describe("toCsv", () => {
  it("starts with a byte-order mark, ends lines with CRLF and quotes every field", () => {
    expect(toCsv(["name", "note", "empty"], [["Ann", 'says "hi", twice', ""]])).toBe(
      '\uFEFF"name","note","empty"\r\n"Ann","says ""hi"", twice",""\r\n',
    );
  });

  it("neutralises every typed cell that a spreadsheet would read as a formula", () => {
    const risky = ["=1+1", "+31 20 123", "-2", "@SUM(A1)", "\tx", "\rx", "-3.2"];
    const csv = toCsv(
      ["cell"],
      risky.map((v) => [v]),
    );
    expect(csv).toBe(`\uFEFF"cell"\r\n"'=1+1"\r\n"'+31 20 123"\r\n"'-2"\r\n"'@SUM(A1)"\r\n"'\tx"\r\n"'\rx"\r\n"'-3.2"\r\n`);
    expect(safeCell("Ann = Bob")).toBe("Ann = Bob");
    expect(safeCell("")).toBe("");
  });

  // With a semicolon list separator (Dutch Excel) or a tab, the text after it starts a new cell.
  it.each([
    ["Org;=1+2", "Org;'=1+2"],
    ["a\t=1", "a\t'=1"],
    ["a,+1", "a,'+1"],
    ["x;@SUM(A1);-2", "x;'@SUM(A1);'-2"],
    ["a;\t=1", "a;'\t'=1"],
    ["=cmd", "'=cmd"],
    ["a;b, c", "a;b, c"],
    ["Zorg; Welzijn", "Zorg; Welzijn"],
  ])("neutralises a formula after a separator inside a typed cell: %j → %j", (typed, written) => {
    expect(safeCell(typed)).toBe(written);
    const rows = parse(toCsv(["typed"], [[typed]]), { bom: true });
    expect(rows[1]).toEqual([written]);
  });

  it("writes numbers we computed as numbers, also when negative", () => {
    expect(toCsv(["change", "typed", "none"], [[-3.2, "-3.2", null]])).toBe(`\uFEFF"change","typed","none"\r\n"-3.2","'-3.2",""\r\n`);
  });

  it("neutralises the header too", () => {
    expect(toCsv(["=x"], [])).toBe(`\uFEFF"'=x"\r\n`);
  });
});

describe("fileSlug and attachment", () => {
  it("makes a safe file name from any title", () => {
    expect(fileSlug("Spring 2026 — Zorg & Welzijn")).toBe("spring-2026-zorg-welzijn");
    expect(fileSlug("Één ronde")).toBe("een-ronde");
    expect(fileSlug("***", "round")).toBe("round");
    expect(fileSlug("x".repeat(100))).toHaveLength(60);
    expect(attachment('a"b\r\n.csv')).toBe('attachment; filename="ab.csv"');
  });
});
