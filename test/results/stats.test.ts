import { describe, expect, it } from "vitest";
import { lgamma, mean, regularizedBeta, sampleSd, studentTwoSidedP, variance, welchTTest } from "../../src/results/stats";
import { casesOfKind, close } from "./reference";

/** Relative closeness, for p values that span many orders of magnitude. */
function relClose(actual: number | null | undefined, expected: number, rel = 1e-12): void {
  expect(typeof actual).toBe("number");
  expect(Math.abs(((actual ?? Number.NaN) - expected) / expected)).toBeLessThanOrEqual(rel);
}

describe("mean, variance, sampleSd", () => {
  it("handles empty and single lists", () => {
    expect(mean([])).toBeNull();
    expect(variance([3])).toBeNull();
    expect(sampleSd([3])).toBeNull();
  });

  it("uses the n − 1 denominator", () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, squares 9+1+1+1+0+0+4+16 = 32, variance 32/7.
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(values)).toBe(5);
    close(variance(values), 32 / 7, "variance");
    close(sampleSd(values), Math.sqrt(32 / 7), "sd");
  });
});

describe("special functions", () => {
  it("lgamma matches known values", () => {
    close(lgamma(5), Math.log(24), "Γ(5) = 24");
    close(lgamma(0.5), Math.log(Math.sqrt(Math.PI)), "Γ(½) = √π");
    close(lgamma(0.2), 1.5240638224307843, "lgamma(0.2), reflection branch (Python math.lgamma)");
    close(lgamma(10.3), 13.48203678613836, "lgamma(10.3) (Python math.lgamma)");
  });

  it("regularizedBeta matches the binomial closed form", () => {
    // I_0.4(2, 3) = Σ_{j=2..4} C(4, j) 0.4^j 0.6^(4−j) = 0.3456 + 0.1536 + 0.0256 = 0.5248.
    close(regularizedBeta(0.4, 2, 3), 0.5248, "I_0.4(2,3)");
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });
});

describe("studentTwoSidedP", () => {
  it("matches closed forms for df = 1 and df = 2", () => {
    // df = 1 (Cauchy): p = 1 − (2/π)·atan|t| → t = 1 gives 0.5.
    close(studentTwoSidedP(1, 1), 0.5, "df 1");
    // df = 2: p = 1 − |t|/√(2 + t²) → t = 2 gives 1 − 2/√6.
    close(studentTwoSidedP(2, 2), 1 - 2 / Math.sqrt(6), "df 2");
    close(studentTwoSidedP(-2, 2), 1 - 2 / Math.sqrt(6), "symmetric in t");
    expect(studentTwoSidedP(0, 7)).toBe(1);
  });

  // Reference values: 2 * scipy.stats.t.sf(t, df), scipy 1.17.
  it.each([
    [2.5, 30, 0.01811564906806669],
    [0.1, 3.7, 0.9255252674701903],
    [12, 4.2, 0.00020842666068435347],
    [1.96, 1000, 0.050273184955748736],
    [50, 10, 2.47431032930268e-13],
    [1.5, 0.8, 0.41478654528645903],
  ])("t = %d, df = %d → p = %d", (t, df, p) => relClose(studentTwoSidedP(t, df), p));
});

describe("welchTTest", () => {
  it("works the textbook example a = [1..5], b = [2, 4, .., 10]", () => {
    // mean a 3, var a 2.5; mean b 6, var b 10. se² = 2.5/5 + 10/5 = 2.5,
    // t = (3 − 6)/√2.5 = −1.8973665961010275; df = 2.5²/(0.5²/4 + 2²/4) = 6.25/1.0625 = 100/17.
    // p = 0.10753119493062728 (scipy.stats.ttest_ind(a, b, equal_var=False)).
    const result = welchTTest([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    close(result?.t, -3 / Math.sqrt(2.5), "t");
    close(result?.df, 100 / 17, "df");
    relClose(result?.p, 0.10753119493062728);
  });

  it("needs two values on each side", () => {
    expect(welchTTest([1], [1, 2, 3])).toBeNull();
    expect(welchTTest([1, 2], [])).toBeNull();
  });

  it("gives no test when both sides have zero variance (t is 0/0 or x/0)", () => {
    expect(welchTTest([50, 50], [50, 50])).toBeNull();
    // scipy would say t = −inf, p = 0 here; we decline rather than claim certainty from no spread.
    expect(welchTTest([50, 50, 50], [75, 75])).toBeNull();
  });

  it("still tests when only one side has zero variance", () => {
    // a = [50, 50], b = [25, 75]: se² = 0 + 1250/2 = 625, t = 0/25 = 0, df = 625²/(625²/1) = 1, p = 1.
    expect(welchTTest([50, 50], [25, 75])).toEqual({ t: 0, df: 1, p: 1 });
  });

  it("reproduces the fixture's t, df and p from its respondent scores", () => {
    const [c] = casesOfKind("round").filter((x) => x.change && x.previous);
    if (!c?.change || !c.previous || !c.expected) throw new Error("fixture lost its change case");
    const now = c.expected;
    const before = c.previous.expected;
    const overall = welchTTest(now.respondentOverallScores, before.respondentOverallScores);
    relClose(overall?.p, c.change.overall.p ?? Number.NaN);
    for (const [code, change] of Object.entries(c.change.themes)) {
      const r = welchTTest(now.themes[code]?.respondentScores ?? [], before.themes[code]?.respondentScores ?? []);
      close(r?.t, change.t, `${code}.t`);
      close(r?.df, change.df, `${code}.df`);
      relClose(r?.p, change.p ?? Number.NaN);
    }
  });
});
