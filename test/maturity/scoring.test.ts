import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type MaturityResponse, maturityChange, scoreMaturity } from "../../src/maturity/scoring";

type ScoreCase = { name: string; minResponses: number; dimensions: string[]; responses: MaturityResponse[]; expected: unknown };
type ChangeCase = {
  name: string;
  minResponses: number;
  dimensions: string[];
  before: MaturityResponse[];
  after: MaturityResponse[];
  expected: unknown;
};

// Worked out by hand from the definition; see the fixture's "about".
const reference = JSON.parse(readFileSync(new URL("../fixtures/maturity-reference.json", import.meta.url), "utf8")) as {
  cases: ScoreCase[];
  changes: ChangeCase[];
};

describe("maturity matrix scoring agrees with the hand-computed cases", () => {
  for (const { name, minResponses, dimensions, responses, expected } of reference.cases) {
    it(name, () => {
      expect(scoreMaturity(responses, dimensions, minResponses)).toEqual(expected);
    });
  }
  for (const { name, minResponses, dimensions, before, after, expected } of reference.changes) {
    it(name, () => {
      const change = maturityChange(scoreMaturity(after, dimensions, minResponses), scoreMaturity(before, dimensions, minResponses));
      expect(change).toEqual(expected);
    });
  }
});
