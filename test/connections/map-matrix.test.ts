import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { adjacencyMatrix } from "../../src/connections/map-matrix";

const partial = Handlebars.compile(readFileSync(new URL("../../templates/partials/connections/matrix.hbs", import.meta.url), "utf8"));

// Four organisations, given out of name order: Ash–Cedar at 3, Birch–Dogwood at 2, Cedar–Dogwood at 4.
const nodes = [
  { id: "d", name: "Dogwood", type: "other", degree: 2 },
  { id: "a", name: "Ash", type: "other", degree: 1 },
  { id: "c", name: "Cedar", type: "other", degree: 2 },
  { id: "b", name: "Birch", type: "other", degree: 1 },
];
const ties = [
  { a: "c", b: "a", level: 3 as const },
  { a: "b", b: "d", level: 2 as const },
  { a: "c", b: "d", level: 4 as const },
];
const empty = (colspan: number | null) => ({ level: null, text: "", colspan });
const tie = (level: number) => ({ level, text: String(level), colspan: null });

describe("the adjacency matrix", () => {
  it("holds every tie both ways, columns without a tie merged into one spanning cell", () => {
    const matrix = adjacencyMatrix(nodes, ties);
    expect(matrix.columns).toEqual(["1", "2", "3", "4"]);
    expect(matrix.rows.map((row) => row.name)).toEqual(["Ash", "Birch", "Cedar", "Dogwood"]);
    expect(matrix.rows.map((row) => row.cells)).toEqual([
      [empty(2), tie(3), empty(null)],
      [empty(3), tie(2)],
      [tie(3), empty(2), tie(4)],
      [empty(null), tie(2), tie(4), empty(null)],
    ]);
  });

  it("fills every row of the table to the full width, one cell per column or span", () => {
    const html = partial({
      matrix: { caption: "Every tie", intro: "", ...adjacencyMatrix(nodes, ties) },
      labels: { organisation: "Organisation" },
    });
    const rows = [...html.matchAll(/<tr><th scope="row">([^<]+)<\/th>(.*?)<\/tr>/g)];
    expect(rows.map((row) => row[1])).toEqual(["1. Ash", "2. Birch", "3. Cedar", "4. Dogwood"]);
    for (const [, , cells = ""] of rows) {
      const widths = [...cells.matchAll(/<td(?: colspan="(\d+)")?[^>]*>/g)].map((cell) => Number(cell[1] ?? 1));
      expect(widths.reduce((sum, w) => sum + w, 0)).toBe(4);
    }
    expect(rows[2]?.[2]).toBe(
      '<td class="num connections__level--3">3</td><td colspan="2"></td><td class="num connections__level--4">4</td>',
    );
  });
});
