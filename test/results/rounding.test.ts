import { describe, expect, it } from "vitest";
import { round1, round2, round3, roundTo } from "../../src/results/rounding";

describe("rounding half away from zero, as the decimal reads", () => {
  it.each([
    [0.05, 0.1],
    [62.45, 62.5],
    [-1.25, -1.3],
    [0.15, 0.2], // the double is 0.1499999999999999944…
    [55.00000000000001, 55], // fixture item score: binary noise, not a half
    [62.449999999999996, 62.5], // 62.45 reached by arithmetic, one ulp low
    [-0.04, 0], // no −0
    [99.95, 100],
  ])("round1(%d) = %d", (x, expected) => expect(Object.is(round1(x), expected)).toBe(true));

  it.each([
    [2.675, 2.68], // the double is 2.67499999999999982236…
    [1.005, 1.01],
    [-2.675, -2.68],
    [0.5163977794943222, 0.52],
  ])("round2(%d) = %d", (x, expected) => expect(round2(x)).toBe(expected));

  it.each([
    [0.05193900772355831, 0.052], // the governance p of the fixture
    [0.0005, 0.001],
    [0.0004999, 0],
    [2.47431032930268e-13, 0], // exponent notation in the decimal string
    [0.002170811817400937, 0.002],
  ])("round3(%d) = %d", (x, expected) => expect(round3(x)).toBe(expected));

  it("passes non-finite values and integers through", () => {
    expect(roundTo(Number.NaN, 1)).toBeNaN();
    expect(roundTo(Number.POSITIVE_INFINITY, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(roundTo(75, 1)).toBe(75);
    expect(roundTo(1e21, 1)).toBe(1e21);
  });
});
