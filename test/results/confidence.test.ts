import { describe, expect, it } from "vitest";
import { confidenceOf } from "../../src/results/confidence";

describe("confidenceOf", () => {
  it("asks for a response rate and a number of respondents with personal links", () => {
    expect(confidenceOf(80, 20)).toBe("high");
    expect(confidenceOf(79.9, 20)).toBe("moderate");
    expect(confidenceOf(80, 19)).toBe("moderate");
    expect(confidenceOf(100, 8)).toBe("low"); // 8 of 8: every invited person, still only eight
    expect(confidenceOf(65, 10)).toBe("moderate");
    expect(confidenceOf(64.9, 10)).toBe("low");
    expect(confidenceOf(65, 9)).toBe("low");
    expect(confidenceOf(100, 10)).toBe("moderate");
    expect(confidenceOf(64.9, 200)).toBe("low");
  });

  it("counts respondents only for an open link, which has no rate", () => {
    expect(confidenceOf(null, 30)).toBe("high");
    expect(confidenceOf(null, 29)).toBe("moderate");
    expect(confidenceOf(null, 15)).toBe("moderate");
    expect(confidenceOf(null, 14)).toBe("low");
    expect(confidenceOf(null, 0)).toBe("low");
  });
});
