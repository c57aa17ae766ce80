import { describe, expect, it } from "vitest";
import { compareRounds, scoreRound } from "../../src/results/scoring";
import { presentRoundScores } from "../../src/results/shown-scores";
import { casesOfKind, referenceThemes } from "./reference";

const [changeCase] = casesOfKind("round").filter((c) => c.change && c.previous);
if (!changeCase?.responses || !changeCase.previous) throw new Error("fixture lost its change case");
const current = scoreRound({
  themes: referenceThemes,
  responses: changeCase.responses,
  minResponses: 5,
});
const previous = scoreRound({
  themes: referenceThemes,
  responses: changeCase.previous.responses,
  minResponses: 5,
});
const [basicCase] = casesOfKind("round");
const basic = scoreRound({
  themes: referenceThemes,
  responses: basicCase?.responses ?? [],
  minResponses: 5,
});

describe("presentRoundScores", () => {
  it("shows only n, minResponses and suppressed for a suppressed round", () => {
    const round = scoreRound({
      themes: referenceThemes,
      responses: [{ answers: { "purpose.1": 4 } }],
      minResponses: 5,
    });
    expect(presentRoundScores(round, compareRounds(round, previous))).toEqual({
      n: 1,
      minResponses: 5,
      suppressed: true,
    });
  });

  it("rounds once, at the end: scores 1 decimal, sd 2, p 3", () => {
    const shown = presentRoundScores(current, compareRounds(current, previous));
    if (shown.suppressed) throw new Error("not suppressed");
    // overall 62.421875 → 62.4; delta 11.588541666… → 11.6; p 0.0021708… → 0.002.
    expect(shown.overall).toMatchObject({
      score: 62.4,
      n: 16,
      change: { delta: 11.6, p: 0.002, notable: true },
    });
    const governance = shown.themes.find((t) => t.code === "governance");
    // score 62.5, sd 14.272480642961254 → 14.27; p 0.051939… → 0.052 and still not notable.
    expect(governance).toMatchObject({
      score: 62.5,
      sd: 14.27,
      n: 16,
      change: { delta: 12.2, p: 0.052, notable: false },
    });
    // relationships.1: mean 3.2, sd 1.0823… → 1.08, score 55.00000000000001 → 55, favourable 40.
    expect(shown.themes[1]?.items[0]).toEqual({
      code: "relationships.1",
      shown: true,
      n: 15,
      dontKnow: 1,
      distribution: [0, 5, 4, 4, 2],
      mean: 3.2,
      sd: 1.08,
      score: 55,
      favourable: 40,
      neutral: 26.7,
      unfavourable: 33.3,
    });
  });

  it("never carries respondent scores", () => {
    const json = JSON.stringify(presentRoundScores(current, compareRounds(current, previous)));
    expect(json).not.toContain("respondentScores");
  });

  it("hides every figure of a not-shown item, including one with no valid answer", () => {
    const shown = presentRoundScores(basic);
    if (shown.suppressed) throw new Error("not suppressed");
    const purpose = shown.themes.find((t) => t.code === "purpose");
    const value = shown.themes.find((t) => t.code === "value");
    // purpose.1 has 4 valid answers (< 5): its mean 3.5 and 75 % favourable stay internal.
    expect(purpose?.items[0]).toEqual({ code: "purpose.1", shown: false, n: 4, dontKnow: 1 });
    expect(value?.items[2]).toEqual({ code: "value.3", shown: false, n: 0, dontKnow: 6 });
    // No change was passed: no change keys at all.
    expect(shown.overall).not.toHaveProperty("change");
    expect(purpose).not.toHaveProperty("change");
  });

  it("rounds theme scores and sds of the basic case", () => {
    const shown = presentRoundScores(basic);
    if (shown.suppressed) throw new Error("not suppressed");
    // purpose 50.69444… → 50.7, sd 13.0215… → 13.02; temperature 58.576388… → 58.6.
    expect(shown.themes[0]).toMatchObject({ code: "purpose", score: 50.7, sd: 13.02, n: 6 });
    expect(shown.overall.score).toBe(58.6);
  });
});
