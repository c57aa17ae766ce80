import { describe, expect, it } from "vitest";
import { FIGURE_CODES } from "../../src/db/schema";
import type { Db } from "../../src/lib/db";
import { rowView } from "../../src/portfolio/cells-model";
import { type ColumnProvider, providedColumns } from "../../src/portfolio/columns";
import { heatmapRows } from "../../src/portfolio/figures";
import { densityText } from "../../src/portfolio/map-columns";
import { MATURITY_MIN_DIMENSIONS, maturityNow } from "../../src/portfolio/maturity-column";
import type { RoundFigures } from "../../src/portfolio/queries";

/** A column as the network map or maturity matrix will add one: its own values for the rounds shown. */
const density: ColumnProvider = {
  key: "density",
  title: (lang) => (lang === "nl" ? "Dichtheid" : "Density"),
  csvTitle: (lang) => (lang === "nl" ? "dichtheid (0–1)" : "density (0–1)"),
  description: "Density",
  cells: (_db, roundIds) => new Map(roundIds.map((id) => [id, { text: "0.42", value: 0.42, status: "shown" as const }])),
};

describe("columns other modules add to the heatmap", () => {
  it("come with their titles and a cell per shown round, beside the figures", () => {
    const round: RoundFigures = {
      roundId: "r1",
      networkId: "n1",
      title: "Spring",
      closedAt: new Date("2026-03-01T12:00:00Z"),
      n: 10,
      responseRate: 80,
      confidence: "moderate",
      suppressed: false,
      figures: Object.fromEntries(
        FIGURE_CODES.map((c) => [c, { score: 60, sd: 10, n: 10, delta: null, notable: false }]),
      ) as RoundFigures["figures"],
    };
    const [row] = heatmapRows([{ id: "n1", name: "North", stage: "established", timeZone: "Europe/London" }], [round]);
    const columns = providedColumns({} as Db, ["r1"], "nl", [density]);
    expect(columns.map((c) => [c.title, c.csvTitle])).toEqual([["Dichtheid", "dichtheid (0–1)"]]);
    if (!row) throw new Error("no row");
    expect(rowView(row, "nl", columns).extra).toEqual([{ text: "0.42", shown: true }]);
  });
});

describe("the added columns' figures", () => {
  it("take the lower median of the shown maturity dimensions, from half of them up", () => {
    // Shown 2, 3, 3, 2 (four of eight): sorted 2, 2, 3, 3, lower median 2.
    expect(maturityNow({ purpose: 2, relationships: 3, communication: 3, governance: 2, value: null })).toBe(2);
    // Five shown, 1 1 3 4 4: the middle one, 3.
    expect(maturityNow({ purpose: 4, relationships: 1, communication: 3, governance: 1, learning: 4 })).toBe(3);
    // Three of eight shown: no level.
    expect(maturityNow({ purpose: 2, relationships: 3, communication: 3, governance: null })).toBeNull();
    expect(MATURITY_MIN_DIMENSIONS).toBe(4);
  });

  it("say density in tens, as the report does", () => {
    expect(densityText(0.4, "en")).toBe("4 in 10");
    expect(densityText(0.45, "nl")).toBe("5 op de 10");
    expect(densityText(0.04, "en")).toBe("under 1 in 10");
    expect(densityText(0, "en")).toBe("0 in 10");
    expect(densityText(1, "en")).toBe("10 in 10");
  });
});
