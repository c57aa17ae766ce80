// Closing a round scores it from the theme scores stored with each response and from answers
// counted per item in SQL. These tests hold that path to the reference: scoreRound over the very
// answers submitted, on random rounds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getInstrument, INVOLVEMENT_CODES, THEME_CODES, TREND_CODES, themeItems } from "../../src/instrument";
import { frozenResults } from "../../src/results/frozen";
import { type AnswerValue, type RoundScores, scoreRound } from "../../src/results/scoring";
import { createTestApp } from "../support/app";
import { makeNetwork } from "../support/factories";
import { makeClosedRound, type StoredResponse } from "../support/responses";

const core = getInstrument("core", 1);
if (!core) throw new Error("core v1 is missing");
const themes = themeItems(core);

const answer = fc.oneof(
  fc.constantFrom<AnswerValue | undefined>(1, 2, 3, 4, 5),
  fc.constantFrom<AnswerValue | undefined>("dont_know", undefined),
);

/** A response that may skip statements or whole themes, and any background question. */
const response: fc.Arbitrary<StoredResponse> = fc
  .record({
    values: fc.array(answer, { minLength: 25, maxLength: 25 }),
    skippedTheme: fc.option(fc.constantFrom(...THEME_CODES)),
    overall: fc.option(fc.integer({ min: 0, max: 10 })),
    trend: fc.option(fc.constantFrom(...TREND_CODES)),
    involvement: fc.option(fc.constantFrom(...INVOLVEMENT_CODES)),
    organisationType: fc.option(fc.constantFrom("hospital", "primary_care", "community")),
    professionalGroup: fc.option(fc.constantFrom("medical", "nursing")),
  })
  .map(({ values, skippedTheme, ...rest }) => {
    const answers: Record<string, AnswerValue> = {};
    themes.forEach((theme, t) => {
      if (theme.code === skippedTheme) return;
      theme.items.forEach((code, i) => {
        const value = values[t * 5 + i];
        if (value !== undefined) answers[code] = value;
      });
    });
    return { answers, ...rest };
  });

/** Equal, numbers to 1e-9: the order responses are summed in may differ by the last bit. */
function expectSameScores(actual: unknown, expected: unknown, path = "scores"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    expect(Math.abs(actual - expected), path).toBeLessThan(1e-9);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, path).toBe(expected.length);
    for (const [i, e] of expected.entries()) expectSameScores((actual as unknown[])[i], e, `${path}[${i}]`);
  } else if (expected !== null && typeof expected === "object") {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, e] of Object.entries(expected)) expectSameScores((actual as Record<string, unknown>)[key], e, `${path}.${key}`);
  } else {
    expect(actual, path).toBe(expected);
  }
}

describe("closing a round", () => {
  it("freezes exactly what scoreRound gives for the submitted answers, on random rounds", () => {
    const t = createTestApp();
    const network = makeNetwork(t);
    fc.assert(
      fc.property(fc.array(response, { minLength: 0, maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (list, minResponses) => {
        const round = makeClosedRound(t, network.id, list, { minResponses });
        const expected: RoundScores = scoreRound({ themes, responses: list, minResponses });
        expectSameScores(frozenResults(t.db, round.id)?.scores, expected);
      }),
      { numRuns: 60 },
    );
  });

  it("stores each respondent's theme scores with the response, null for a theme without a valid answer", () => {
    const t = createTestApp();
    const network = makeNetwork(t);
    // purpose: 5, 4 and "don't know" → mean 4.5 → 87.5; relationships: only "don't know" → null;
    // the other themes unanswered → null. (Threshold 1: a round below its threshold keeps no rows.)
    makeClosedRound(
      t,
      network.id,
      [{ answers: { "purpose.1": 5, "purpose.2": 4, "purpose.3": "dont_know", "relationships.1": "dont_know" } }],
      { minResponses: 1 },
    );
    const row = t.db.$client
      .prepare("select purpose_score, relationships_score, communication_score, governance_score, value_score from responses")
      .get();
    expect(row).toEqual({
      purpose_score: 87.5,
      relationships_score: null,
      communication_score: null,
      governance_score: null,
      value_score: null,
    });
  });

  it("keeps n, mean and sd of the respondent scores but not the scores themselves", () => {
    const t = createTestApp();
    const network = makeNetwork(t);
    const list = Array.from({ length: 6 }, (_, i) => ({ answers: { "purpose.1": ((i % 5) + 1) as AnswerValue } }));
    const round = makeClosedRound(t, network.id, list);
    const frozen = frozenResults(t.db, round.id);
    // purpose.1 answers 1, 2, 3, 4, 5, 1 → scores 0, 25, 50, 75, 100, 0: mean 41.666…,
    // sd = √(Σ(x − 41.67)² / 5) = √(8333.33 / 5) = √1666.67 = 40.824829046386306.
    expect(frozen?.scores.suppressed).toBe(false);
    if (frozen?.scores.suppressed !== false) return;
    expect(frozen.scores.overall).toMatchObject({ n: 6, score: 250 / 6 });
    expect(frozen.scores.overall.sd).toBeCloseTo(40.824829046386306, 12);
    expect(JSON.stringify(frozen)).not.toContain("respondentScores");
  });
});
