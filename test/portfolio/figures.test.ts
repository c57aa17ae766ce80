import { describe, expect, it } from "vitest";
import { FIGURE_CODES, type FigureCode } from "../../src/db/schema";
import { THEME_CODES } from "../../src/instrument";
import {
  averages,
  bandCounts,
  boardRows,
  heatmapRows,
  movers,
  type PortfolioNetwork,
  pools,
  restOf,
  splitLatest,
} from "../../src/portfolio/figures";
import { overTime, quarterOf } from "../../src/portfolio/over-time";
import { type FigureValues, type RoundFigures, scoresOf } from "../../src/portfolio/queries";
import { combineSummaries } from "../../src/portfolio/stats";

type Figures = Partial<Record<FigureCode, Partial<FigureValues>>>;

/** A closed round's frozen figures: every figure 60 (n 10, sd 10) unless given. */
function round(networkId: string, closedAt: string, figures: Figures = {}, extra: Partial<RoundFigures> = {}): RoundFigures {
  const all = {} as Record<FigureCode, FigureValues>;
  for (const code of FIGURE_CODES) all[code] = { score: 60, sd: 10, n: 10, delta: null, notable: false, ...figures[code] };
  return {
    roundId: `${networkId}-${closedAt}`,
    networkId,
    title: "Round",
    closedAt: new Date(closedAt),
    n: 10,
    responseRate: 80,
    confidence: "moderate",
    suppressed: false,
    figures: all,
    ...extra,
  };
}
const suppressed = (networkId: string, closedAt: string) =>
  round(networkId, closedAt, Object.fromEntries(FIGURE_CODES.map((c) => [c, { score: null, sd: null, n: 0 }])), { suppressed: true, n: 3 });
const network = (id: string): PortfolioNetwork => ({ id, name: `Network ${id}`, stage: "established", timeZone: "Europe/London" });
/** latestRounds' order: by network, newest first. */
const newestFirst = (rows: RoundFigures[]) =>
  [...rows].sort((a, b) => a.networkId.localeCompare(b.networkId) || b.closedAt.getTime() - a.closedAt.getTime());

describe("the figures are the instrument's", () => {
  it("lists the temperature and the five themes", () => {
    expect(FIGURE_CODES).toEqual(["overall", ...THEME_CODES]);
  });
});

describe("heatmap cells", () => {
  it("bands the score as shown: 49.95 reads 50.0 and is mixed, 69.95 reads 70.0 and is strong", () => {
    const rows = heatmapRows(
      [network("a")],
      [
        round("a", "2026-03-01", {
          overall: { score: 49.95 },
          purpose: { score: 69.95 },
          relationships: { score: 49.94 },
          value: { score: 69.94 },
        }),
      ],
    );
    const cells = rows[0]?.cells;
    expect(cells?.overall).toMatchObject({ shown: 50, band: "mixed" });
    expect(cells?.purpose).toMatchObject({ shown: 70, band: "strong" });
    expect(cells?.relationships).toMatchObject({ shown: 49.9, band: "needs_attention" });
    expect(cells?.value).toMatchObject({ shown: 69.9, band: "mixed" });
  });

  it("shows no figure for a suppressed round or a hidden theme, and nothing for a network without rounds", () => {
    const rows = heatmapRows(
      [network("a"), network("b"), network("c")],
      [suppressed("a", "2026-03-01"), round("b", "2026-03-01", { governance: { score: null, sd: null, n: 4 } })],
    );
    expect(rows[0]?.round?.suppressed).toBe(true);
    expect(rows[0]?.cells.overall).toEqual({ shown: null, band: null, change: null, difference: null });
    expect(rows[1]?.cells.governance.shown).toBeNull();
    expect(rows[1]?.cells.purpose.shown).toBe(60);
    expect(rows[2]?.round).toBeNull();
    expect(bandCounts(rows).governance).toEqual({ needs_attention: 0, mixed: 0, strong: 0, none: 3 });
    expect(bandCounts(rows).purpose).toEqual({ needs_attention: 0, mixed: 1, strong: 0, none: 2 });
  });

  it("has a change arrow only when the change is notable", () => {
    const rows = heatmapRows(
      [network("a")],
      [
        round("a", "2026-03-01", {
          overall: { delta: 6.2, notable: true },
          purpose: { delta: 9.9, notable: false },
          value: { delta: -4, notable: true },
        }),
      ],
    );
    expect(rows[0]?.cells.overall.change).toEqual({ delta: 6.2, direction: "up" });
    expect(rows[0]?.cells.purpose.change).toBeNull();
    expect(rows[0]?.cells.value.change).toEqual({ delta: -4, direction: "down" });
  });
});

describe("the portfolio average", () => {
  // purpose: a 40 (n 10), b 60 (n 30), c 60.5 (n 20), d's latest suppressed but the one before 70,
  // e's purpose hidden. Unweighted (40 + 60 + 60.5 + 70) / 4 = 57.625 → 57.6 of 4 networks; the
  // respondent-weighted mean would be (400 + 1800 + 1210 + 700) / 70 = 58.7.
  const rows = newestFirst([
    round("a", "2026-03-01", { purpose: { score: 40, n: 10 } }),
    round("a", "2025-09-01", { purpose: { score: 90 } }),
    round("b", "2026-02-01", { purpose: { score: 60, n: 30 } }),
    round("c", "2026-01-01", { purpose: { score: 60.5, n: 20 } }),
    suppressed("d", "2026-03-15"),
    round("d", "2025-10-01", { purpose: { score: 70, n: 10 } }),
    round("e", "2026-03-01", { purpose: { score: null, sd: null, n: 4 } }),
  ]);

  it("is the unweighted mean over each network's latest unsuppressed round, with how many", () => {
    const average = averages(splitLatest(rows).unsuppressed).purpose;
    expect(average.mean).toBeCloseTo(57.625, 10);
    expect(average).toMatchObject({ shown: 57.6, band: "mixed", networks: 4 });
    // Every network's temperature is 60: five networks.
    expect(averages(splitLatest(rows).unsuppressed).overall).toMatchObject({ shown: 60, networks: 5 });
  });

  it("has no figure without networks", () => {
    expect(averages(new Map()).value).toEqual({ mean: null, shown: null, band: null, networks: 0 });
  });
});

describe("a network's difference from the rest of the portfolio", () => {
  // Every network n 10, sd 10. a (mean 40) against b, c (60) and d (61) pooled: n 30, mean 60.33,
  // sd² = (3·900 + 10·(0.33² + 0.33² + 0.67²)) / 29 = 93.3; t = −20.33 / √(10 + 93.3/30) = −5.62: below.
  // d (61) against a, b, c pooled: mean 53.33, sd² = (2700 + 2666.7) / 29 = 185.1; t = 7.67 / √(10 + 6.17)
  // = 1.91 on df ≈ 21: p ≈ 0.07, not notable. b (60) against a, c, d: t = 6.33 / 4.04 = 1.57, not notable.
  const rows = heatmapRows(
    ["a", "b", "c", "d"].map(network),
    newestFirst([
      round("a", "2026-03-01", { purpose: { score: 40 } }),
      round("b", "2026-03-01", { purpose: { score: 60 } }),
      round("c", "2026-03-01", { purpose: { score: 60 } }),
      round("d", "2026-03-01", { purpose: { score: 61 } }),
    ]),
  );

  it("is flagged only when Welch's test says p < 0.05", () => {
    expect(rows.map((r) => r.cells.purpose.difference)).toEqual(["below", null, null, null]);
  });

  // With three: b (60) against a and c pooled (n 20, mean 50, sd² = (900 + 900 + 20·100) / 19 = 200):
  // t = 10 / √(10 + 10) = 2.24 on df ≈ 27.6, p ≈ 0.03: notably above, as is c.
  it("is worked out against the others pooled, not their average", () => {
    const three = heatmapRows(
      ["a", "b", "c"].map(network),
      newestFirst([
        round("a", "2026-03-01", { purpose: { score: 40 } }),
        round("b", "2026-03-01", { purpose: { score: 60 } }),
        round("c", "2026-03-01", { purpose: { score: 60 } }),
      ]),
    );
    expect(three.map((r) => r.cells.purpose.difference)).toEqual(["below", "above", "above"]);
  });
});

describe("the rest of the portfolio taken out of the totals", () => {
  it("equals pooling every other network's summary", () => {
    const rows = ["a", "b", "c", "d", "e"].map((id, i) =>
      round(id, "2026-03-01", { value: { score: 40 + 7.3 * i, sd: 5 + i, n: 6 + 11 * i } }),
    );
    rows.push(round("f", "2026-03-01", { value: { score: null, sd: null, n: 3 } }));
    const { unsuppressed } = splitLatest(rows);
    const totals = pools(unsuppressed).value;
    for (const own of rows) {
      const others = rows
        .filter((r) => r.networkId !== own.networkId && r.figures.value.score !== null)
        .map((r) => ({ n: r.figures.value.n, mean: r.figures.value.score, sd: r.figures.value.sd }));
      const expected = combineSummaries(others);
      const rest = restOf(totals, own, "value");
      expect(rest.n).toBe(expected.n);
      expect(rest.mean).toBeCloseTo(expected.mean ?? Number.NaN, 9);
      expect(rest.sd).toBeCloseTo(expected.sd ?? Number.NaN, 9);
    }
  });
});

describe("movers", () => {
  it("are the largest notable rises and falls of the temperature, ties by name", () => {
    const deltas: [string, number, boolean][] = [
      ["a", 6.2, true],
      ["b", 3.1, true],
      ["c", -4, true],
      ["d", -8.5, true],
      ["e", 10, false],
      ["f", 3.1, true],
    ];
    const rows = heatmapRows(
      deltas.map(([id]) => network(id)),
      deltas.map(([id, delta, notable]) => round(id, "2026-03-01", { overall: { delta, notable } })),
    );
    const moved = movers(rows);
    expect(moved.rises.map((r) => r.network.id)).toEqual(["a", "b", "f"]);
    expect(moved.falls.map((r) => r.network.id)).toEqual(["d", "c"]);
    expect(movers(rows, 1).rises.map((r) => r.network.id)).toEqual(["a"]);
  });
});

describe("the board paper's rows", () => {
  it("puts networks needing attention or with a notable fall first, then the lowest temperature", () => {
    const rows = heatmapRows(["a", "b", "c", "d"].map(network), [
      round("a", "2026-03-01", { overall: { score: 75 } }),
      round("b", "2026-03-01", { overall: { score: 80 }, governance: { score: 45 } }),
      round("c", "2026-03-01", { overall: { score: 72, delta: -5, notable: true } }),
      round("d", "2026-03-01", { overall: { score: 55 } }),
    ]);
    expect(boardRows(rows, 60).map((r) => r.network.id)).toEqual(["c", "b", "d", "a"]);
    expect(boardRows(rows, 2).map((r) => r.network.id)).toEqual(["c", "b"]);
  });
});

const overTimeOf = (rounds: RoundFigures[]) => overTime(rounds.map(scoresOf));

describe("over time", () => {
  it("gives each quarter's median and interquartile range, each network once with its latest round", () => {
    // Q1 2026: a 40 (its later round), b 10, c 80, d 20 → sorted 10, 20, 40, 80: q1 17.5, median 30, q3 50.
    // e's round is suppressed and does not count. Q4 2025: a 90 only.
    const quarters = overTimeOf([
      round("a", "2025-11-01", { purpose: { score: 90 } }),
      round("a", "2026-01-10", { purpose: { score: 55 } }),
      round("b", "2026-02-01", { purpose: { score: 10 } }),
      round("a", "2026-03-20", { purpose: { score: 40 } }),
      round("c", "2026-03-01", { purpose: { score: 80 } }),
      round("d", "2026-03-31T23:00:00Z", { purpose: { score: 20 } }),
      suppressed("e", "2026-02-01"),
    ]);
    expect(quarters.map((q) => q.key)).toEqual(["2025-Q4", "2026-Q1"]);
    expect(quarters[0]?.figures.purpose).toEqual({ q1: 90, median: 90, q3: 90, networks: 1 });
    expect(quarters[1]?.figures.purpose).toEqual({ q1: 17.5, median: 30, q3: 50, networks: 4 });
  });

  it("takes quarters in UTC", () => {
    expect(quarterOf(new Date("2026-04-01T00:00:00Z")).key).toBe("2026-Q2");
    expect(quarterOf(new Date("2026-03-31T23:59:59Z")).key).toBe("2026-Q1");
  });
});
