import { describe, expect, it } from "vitest";
import { attachment, fileSlug, safeCell, toCsv } from "../../src/lib/csv";

describe("toCsv", () => {
  it("starts with a byte-order mark, ends lines with CRLF and quotes what needs quoting", () => {
    expect(toCsv(["name", "note"], [["Ann", 'says "hi", twice']])).toBe('\uFEFFname,note\r\nAnn,"says ""hi"", twice"\r\n');
  });

  it("neutralises every cell that a spreadsheet would read as a formula", () => {
    const risky = ["=1+1", "+31 20 123", "-2", "@SUM(A1)", "\tx", "\rx"];
    const csv = toCsv(
      ["cell"],
      risky.map((v) => [v]),
    );
    expect(csv).toBe(`\uFEFFcell\r\n'=1+1\r\n'+31 20 123\r\n'-2\r\n'@SUM(A1)\r\n'\tx\r\n"'\rx"\r\n`);
    expect(safeCell("Ann = Bob")).toBe("Ann = Bob");
    expect(safeCell("")).toBe("");
  });

  it("neutralises the header too", () => {
    expect(toCsv(["=x"], [])).toBe("\uFEFF'=x\r\n");
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
