import { describe, expect, it } from "vitest";
import { band, combineSummaries, quantile, quartiles, shownScore } from "../../src/portfolio/stats";
import { round1 } from "../../src/results/rounding";
import { summarise } from "../../src/results/stats";

describe("bands follow the score as shown", () => {
  it.each([
    [0, "needs_attention"],
    [49.94, "needs_attention"],
    [49.95, "mixed"],
    [50, "mixed"],
    [69.9, "mixed"],
    [69.94, "mixed"],
    [69.95, "strong"],
    [70, "strong"],
    [100, "strong"],
  ] as const)("%s is %s", (score, expected) => {
    expect(band(score)).toBe(expected);
  });
});

describe("the shown score", () => {
  it("is round1's, at half-way points and everywhere else", () => {
    for (const x of [49.95, 69.95, 49.94, 0.05, 2.675, 99.95, 100, 0, 12.25, 62.35]) expect(shownScore(x), String(x)).toBe(round1(x));
    // Every hundredth and random scores from 0 to 100.
    for (let i = 0; i <= 10_000; i++) expect(shownScore(i / 100)).toBe(round1(i / 100));
    let seed = 7;
    for (let i = 0; i < 10_000; i++) {
      seed = (seed * 16807) % 2147483647;
      const x = (seed / 2147483647) * 100;
      expect(shownScore(x)).toBe(round1(x));
    }
  });
});

describe("quartiles by linear interpolation (numpy's default)", () => {
  // Hand-computed: sorted [10, 20, 40, 80]; positions 0.75, 1.5, 2.25.
  it("interpolates between order statistics", () => {
    expect(quartiles([40, 10, 80, 20])).toEqual({ q1: 17.5, median: 30, q3: 50 });
  });

  it("gives the value itself for one network, and nothing for none", () => {
    expect(quartiles([63.2])).toEqual({ q1: 63.2, median: 63.2, q3: 63.2 });
    expect(quantile([], 0.5)).toBeNull();
  });

  // Sorted [1, 2, 3, 4, 5]: positions 1, 2, 3 land on values.
  it("lands on values when the position is whole", () => {
    expect(quartiles([5, 1, 4, 2, 3])).toEqual({ q1: 2, median: 3, q3: 4 });
  });
});

describe("the rest of a portfolio as one summary", () => {
  it("equals summarising the pooled values", () => {
    const groups = [
      [55, 60, 72],
      [40, 81],
      [66, 70, 74, 90],
    ];
    const pooled = summarise(groups.flat());
    const combined = combineSummaries(groups.map((values) => summarise(values)));
    expect(combined.n).toBe(pooled.n);
    expect(combined.mean).toBeCloseTo(pooled.mean as number, 12);
    expect(combined.sd).toBeCloseTo(pooled.sd as number, 12);
  });

  // Hand-computed: values 1, 1, 3, 3 → mean 2, squares 4, sd √(4/3).
  it("works from summaries alone, including groups of one", () => {
    const combined = combineSummaries([
      { n: 1, mean: 1, sd: null },
      { n: 2, mean: 2, sd: Math.SQRT2 },
      { n: 1, mean: 3, sd: null },
    ]);
    expect(combined).toEqual({ n: 4, mean: 2, sd: Math.sqrt(4 / 3) });
    expect(combineSummaries([])).toEqual({ n: 0, mean: null, sd: null });
  });
});
