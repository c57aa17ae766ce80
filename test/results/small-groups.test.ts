// The review's reproductions of small groups leaking through shown figures, each at the boundary
// (threshold − 1 hidden, threshold shown). Arithmetic in the comments.
import { describe, expect, it } from "vitest";
import { hideSmallCells } from "../../src/results/breakdown-cells";
import { compareRounds } from "../../src/results/change";
import type { ScoredResponse, Trend } from "../../src/results/scoring";
import { scoreRound } from "../../src/results/scoring";
import { presentRoundScores } from "../../src/results/shown-scores";
import { scored } from "./reference";

const MIN = 5;

describe("theme score, rating and trend split with too few respondents behind them", () => {
  const themes = [
    { code: "purpose", items: ["purpose.1"] },
    { code: "value", items: ["value.1", "value.2"] },
  ];
  const trends: Trend[] = ["better", "better", "same", "worse", "new"];
  /** 6 respondents answer purpose 4 (score 75); the first k also answer value.1 = i + 1, rate 9 − i and give a trend. */
  function round(k: number) {
    const responses: ScoredResponse[] = Array.from({ length: 6 }, (_, i) => ({
      answers: { "purpose.1": 4, ...(i < k ? { "value.1": (i + 1) as 1 | 2 | 3 | 4 | 5 } : {}) },
      overall: i < k ? 9 - i : null,
      trend: i < k ? trends[i] : null,
    }));
    return presentRoundScores(scoreRound({ themes, responses, minResponses: MIN }));
  }

  it("hides them all with one respondent behind them (the review's case: value score 0, rating 9)", () => {
    const r = round(1);
    if (r.suppressed) throw new Error("expected scores");
    expect(r.themes[1]).toEqual({
      code: "value",
      shown: false,
      score: null,
      sd: null,
      n: 1,
      items: [
        { code: "value.1", shown: false, n: 1, dontKnow: 0 },
        { code: "value.2", shown: false, n: 0, dontKnow: 0 },
      ],
    });
    expect(r.overall).toMatchObject({ rating: null, ratingN: 1, ratingShown: false, trend: null, trendN: 1, trendShown: false });
  });

  it("hides them at threshold − 1 (4 respondents)", () => {
    const r = round(4);
    if (r.suppressed) throw new Error("expected scores");
    expect(r.themes[1]).toMatchObject({ shown: false, score: null, sd: null, n: 4 });
    expect(r.overall).toMatchObject({ rating: null, ratingN: 4, ratingShown: false, trend: null, trendN: 4, trendShown: false });
    // Purpose has 6 respondents: shown, 75.
    expect(r.themes[0]).toMatchObject({ shown: true, score: 75, n: 6 });
  });

  it("shows them at the threshold (5 respondents)", () => {
    const r = round(5);
    if (r.suppressed) throw new Error("expected scores");
    // value.1 answers 1..5 → scores 0, 25, 50, 75, 100: mean 50, sd √(2 × 625 + 2 × 2500)/2 = 39.53 (rounded).
    expect(r.themes[1]).toMatchObject({ shown: true, score: 50, sd: 39.53, n: 5 });
    // Ratings 9, 8, 7, 6, 5 → 7; trend 2 better, 1 same, 1 worse, 1 new.
    expect(r.overall).toMatchObject({ rating: 7, ratingN: 5, ratingShown: true, trendN: 5, trendShown: true });
    expect(r.overall.trend).toEqual({ worse: 1, same: 1, better: 2, new: 1 });
  });

  it("gives no change for a theme hidden now or before", () => {
    const now = scoreRound({
      themes,
      responses: Array.from({ length: 5 }, () => ({ answers: { "purpose.1": 4, "value.1": 5 } as ScoredResponse["answers"] })),
      minResponses: MIN,
    });
    const before = scoreRound({
      themes,
      responses: Array.from({ length: 5 }, (_, i) => ({
        answers: { "purpose.1": 2, ...(i < 4 ? { "value.1": 1 } : {}) } as ScoredResponse["answers"],
      })),
      minResponses: MIN,
    });
    const r = presentRoundScores(now, compareRounds(now, before));
    if (r.suppressed) throw new Error("expected scores");
    // Purpose: 75 − 25 = +50 (both sides 5); value before has 4 respondents: no change.
    expect(r.themes[0]?.change?.delta).toBe(50);
    expect(r.themes[1]?.change).toEqual({ delta: null, p: null, notable: false });
    // And the other way round, the hidden theme is this round's.
    const back = presentRoundScores(before, compareRounds(before, now));
    if (back.suppressed) throw new Error("expected scores");
    expect(back.themes[1]).toMatchObject({ shown: false, score: null, change: { delta: null, p: null, notable: false } });
  });
});

describe("breakdown: those who skip the question are a group", () => {
  const themes = [{ code: "T", items: ["t"] }];
  // Hospital answers 5 (score 100), primary care 1 (score 0), skippers 3 (score 50).
  const make = (answer: 1 | 3 | 5, organisationType: string | null, k: number): ScoredResponse[] =>
    Array.from({ length: k }, () => ({ answers: { t: answer }, organisationType }));
  const breakdown = (skippers: number) =>
    scored(
      scoreRound({
        themes,
        responses: [...make(5, "hospital", 5), ...make(1, "primary care", 5), ...make(3, null, skippers)],
        minResponses: MIN,
      }),
    ).breakdowns.organisationType;

  it("pools the one skipper with a shown group (the review's case), so total − groups isolates nobody", () => {
    // Before: hospital 100, primary care 0, total 550/11 = 50 → the skipper = 550 − 500 − 0 = 50.
    // Now: not answered (1) < 5 → other; other 1 < 5 → hospital (5, first code on the tie) joins:
    // other = (5 × 100 + 50)/6 = 91.666…; primary care 0. 11 × 50 − 5 × 0 − 6 × 91.666… = 0: nobody is left over.
    const rows = breakdown(1);
    expect(rows.map((r) => [r.group, r.n, r.themes.T])).toEqual([
      ["primary care", 5, 0],
      ["other", 6, 550 / 6],
    ]);
  });

  it("pools 4 skippers (threshold − 1) the same way", () => {
    // other = hospital 5 + not answered 4 = 9: (500 + 200)/9 = 77.77…
    expect(breakdown(4).map((r) => [r.group, r.n, r.themes.T])).toEqual([
      ["primary care", 5, 0],
      ["other", 9, 700 / 9],
    ]);
  });

  it("shows 5 skippers (the threshold) as their own group, after the answers", () => {
    expect(breakdown(5).map((r) => [r.group, r.n, r.themes.T])).toEqual([
      ["hospital", 5, 100],
      ["primary care", 5, 0],
      ["not_answered", 5, 50],
    ]);
  });
});

describe("breakdown: each cell needs the threshold, remainder rule per theme", () => {
  const themes = [
    { code: "T", items: ["t"] },
    { code: "V", items: ["v"] },
  ];
  /** k respondents of `group` answering T with `t`; the first `withV` of them also answer V with `v`. */
  const make = (group: string, k: number, t: 1 | 5, withV: number, v: 1 | 3 | 5): ScoredResponse[] =>
    Array.from({ length: k }, (_, i): ScoredResponse => ({ answers: i < withV ? { t, v } : { t }, organisationType: group }));
  const rows = (responses: ScoredResponse[]) => scored(scoreRound({ themes, responses, minResponses: MIN })).breakdowns.organisationType;

  it("hides a group's value score with 1 person behind it, and the other group's so it cannot be subtracted", () => {
    // Hospital 5, one answered V (5 → 100); primary care 5, all answered V (1 → 0). Round V: n 6, 100/6.
    // V counts [1, 5]: hospital hidden; hidden total 1 < 5 → primary care hidden too. T counts [5, 5]: shown.
    // Overall: hospital respondents 100 each (the one with V: (100 + 100)/2), primary care 0.
    const responses = [...make("hospital", 5, 5, 1, 5), ...make("primary care", 5, 1, 5, 1)];
    expect(rows(responses)).toEqual([
      { group: "hospital", n: 5, overall: 100, themes: { T: 100, V: null } },
      { group: "primary care", n: 5, overall: 0, themes: { T: 0, V: null } },
    ]);
    const round = presentRoundScores(scoreRound({ themes, responses, minResponses: MIN }));
    if (round.suppressed) throw new Error("expected scores");
    expect(round.themes[1]).toMatchObject({ shown: true, n: 6, score: 16.7 });
  });

  it("hides at threshold − 1 (4 of the hospital answered V) and shows at the threshold (5)", () => {
    const at = (withV: number) => rows([...make("hospital", 5, 5, withV, 5), ...make("primary care", 5, 1, 5, 1)]);
    expect(at(4).map((r) => r.themes.V)).toEqual([null, null]);
    expect(at(5).map((r) => r.themes.V)).toEqual([100, 0]);
  });

  it("hides only as much as the remainder needs", () => {
    // V counts: hospital 1, primary care 6, social care 5 → hospital hidden (1); hidden 1 < 5 → the
    // smallest shown, social care (5), joins it: hidden 6. Primary care's V (all answered 1 → 0) stays.
    const responses = [...make("hospital", 5, 5, 1, 5), ...make("primary care", 6, 1, 6, 1), ...make("social care", 5, 5, 5, 3)];
    expect(rows(responses).map((r) => [r.group, r.themes.V])).toEqual([
      ["hospital", null],
      ["primary care", 0],
      ["social care", null],
    ]);
  });
});

describe("hideSmallCells", () => {
  it.each([
    [
      [5, 5],
      [true, true],
    ],
    [
      [4, 5],
      [false, false],
    ],
    [
      [1, 6, 5],
      [false, true, false],
    ],
    [
      [0, 5, 5],
      [false, true, true],
    ],
    [
      [5, 6, 1],
      [false, true, false],
    ],
    [
      [2, 2],
      [false, false],
    ],
    [
      [7, 5, 5, 3],
      [true, false, true, false],
    ],
  ])("%j at 5 → %j", (counts, expected) => {
    expect(hideSmallCells(counts, 5)).toEqual(expected);
  });
});
