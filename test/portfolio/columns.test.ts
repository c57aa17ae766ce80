import { describe, expect, it } from "vitest";
import { FIGURE_CODES } from "../../src/db/schema";
import type { Db } from "../../src/lib/db";
import { rowView } from "../../src/portfolio/cells.model";
import { type ColumnProvider, providedColumns } from "../../src/portfolio/columns";
import { heatmapRows } from "../../src/portfolio/figures";
import type { RoundFigures } from "../../src/portfolio/queries";

/** A column as the network map or maturity matrix will add one: its own values for the rounds shown. */
const density: ColumnProvider = {
  key: "density",
  title: (lang) => (lang === "nl" ? "Dichtheid" : "Density"),
  cells: (_db, roundIds) => new Map(roundIds.map((id) => [id, { text: "0.42", value: 0.42 }])),
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
    expect(columns.map((c) => c.title)).toEqual(["Dichtheid"]);
    if (!row) throw new Error("no row");
    expect(rowView(row, "nl", columns).extra).toEqual([{ text: "0.42" }]);
    expect(providedColumns({} as Db, ["r1"], "en")).toEqual([]);
  });
});
