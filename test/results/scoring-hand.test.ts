// Hand-computed cases, arithmetic in the comments. Two small themes:
//   A = [a1, a2], B = [b1, b2]; minResponses 2.
import { describe, expect, it } from "vitest";
import type { ScoredResponse, ThemeDef } from "../../src/results/scoring";
import { compareRounds, respondentColumns, respondentOverallScores, scoreItem, scoreRound } from "../../src/results/scoring";
import { close, scored } from "./reference";

const themes: ThemeDef[] = [
  { code: "A", items: ["a1", "a2"] },
  { code: "B", items: ["b1", "b2"] },
];

// r1: A = mean(5, 4) = 4.5 → (4.5 − 1)/4 × 100 = 87.5;  B = mean(1) = 1 → 0;  overall = (87.5 + 0)/2 = 43.75
// r2: A = mean(3) = 3 → 50 (a2 is "don't know");  B: no valid answer, no score;  overall = 50 (A only)
const current: ScoredResponse[] = [
  {
    answers: { a1: 5, a2: 4, b1: 1, b2: "dont_know" },
    overall: 7,
    trend: "better",
    organisationType: "acute",
  },
  {
    answers: { a1: 3, a2: "dont_know", b2: "dont_know" },
    overall: null,
    trend: "new",
    organisationType: null,
  },
];

// r1: A = mean(1, 1) → 0;    B = mean(3) → 50;  overall = 25
// r2: A = mean(2, 2) → 25;   B = mean(3) → 50;  overall = 37.5
const previous: ScoredResponse[] = [{ answers: { a1: 1, a2: 1, b1: 3 } }, { answers: { a1: 2, a2: 2, b1: 3 } }];

describe("scoreRound by hand", () => {
  const round = scored(scoreRound({ themes, responses: current, minResponses: 2 }));
  const [themeA, themeB] = round.themes;

  it("scores theme A from both respondents", () => {
    // score = (87.5 + 50)/2 = 68.75; sd = |87.5 − 50|/√2 = 26.516504294495533
    expect(themeA).toMatchObject({ code: "A", score: 68.75, n: 2 });
    close(themeA?.sd ?? null, 26.516504294495533, "A.sd");
  });

  it("scores theme B from the one respondent who answered it; sd needs two", () => {
    expect(themeB).toMatchObject({ code: "B", score: 0, sd: null, n: 1 });
  });

  it("takes the temperature over respondents, not over theme scores", () => {
    // (43.75 + 50)/2 = 46.875, whereas the mean of theme scores would be (68.75 + 0)/2 = 34.375.
    // sd = |43.75 − 50|/√2 = 4.419417382415922
    expect(round.overall).toMatchObject({ score: 46.875, n: 2 });
    close(round.overall.sd, 4.419417382415922, "overall.sd");
  });

  it("scores each respondent per theme and overall, skipping what they did not answer", () => {
    const columns = respondentColumns(current, themes);
    expect([...(columns.themeScores.A ?? [])]).toEqual([87.5, 50]);
    expect([...(columns.themeScores.B ?? [])]).toEqual([0, Number.NaN]);
    expect([...respondentOverallScores(columns, themes)]).toEqual([43.75, 50]);
  });

  it("keeps the 0–10 rating and the trend split apart from the scores", () => {
    // Only r1 gave a rating (7); trends: one "better", one "new".
    expect(round.overall).toMatchObject({
      rating: 7,
      ratingN: 1,
      trend: { worse: 0, same: 0, better: 1, new: 1 },
    });
  });

  it("gives a don't-know-only item counts but no figures", () => {
    expect(themeB?.items[1]).toEqual({
      code: "b2",
      n: 0,
      dontKnow: 2,
      distribution: [0, 0, 0, 0, 0],
      mean: null,
      sd: null,
      score: null,
      favourable: null,
      neutral: null,
      unfavourable: null,
      shown: false,
    });
  });

  it("computes item a1 and hides a2 (one valid answer < minResponses 2)", () => {
    // a1 = [5, 3]: mean 4, sd √2, score 75, favourable 1/2 = 50 %, neutral 50 %, unfavourable 0 %.
    expect(themeA?.items[0]).toMatchObject({
      n: 2,
      distribution: [0, 0, 1, 0, 1],
      mean: 4,
      score: 75,
      favourable: 50,
      neutral: 50,
      unfavourable: 0,
      shown: true,
    });
    close(themeA?.items[0]?.sd ?? null, Math.SQRT2, "a1.sd");
    expect(themeA?.items[1]).toMatchObject({ n: 1, dontKnow: 1, mean: 4, shown: false });
  });

  it("shows no breakdown when one group is too small to stand alone", () => {
    // acute has 1 respondent (< 2) → other; other has nobody else → single bucket → none.
    expect(round.breakdowns).toEqual({
      organisationType: [],
      professionalGroup: [],
      involvement: [],
    });
  });
});

describe("scoreItem with a single answer", () => {
  it("has a mean but no sd", () => {
    // [4]: mean 4, score (4 − 1)/4 × 100 = 75, favourable 100 %.
    expect(scoreItem("x", { distribution: [0, 0, 0, 1, 0], dontKnow: 0 }, 1)).toMatchObject({
      n: 1,
      mean: 4,
      sd: null,
      score: 75,
      favourable: 100,
      shown: true,
    });
  });
});

describe("compareRounds by hand", () => {
  const now = scoreRound({ themes, responses: current, minResponses: 2 });
  const before = scoreRound({ themes, responses: previous, minResponses: 2 });
  const change = compareRounds(now, before);

  it("tests the temperature on respondent overall scores", () => {
    // [43.75, 50] vs [25, 37.5]: delta 46.875 − 31.25 = 15.625; variances 19.53125 and 78.125;
    // se² = 9.765625 + 39.0625 = 48.828125 → t = 15.625/6.98771… = √5; df = 48.828125²/(9.765625² + 39.0625²) = 25/17.
    // p cross-checked with scipy.stats.ttest_ind(equal_var=False): 0.19872738893452602.
    close(change.overall.delta, 15.625, "delta");
    close(change.overall.t, Math.sqrt(5), "t");
    close(change.overall.df, 25 / 17, "df");
    close(change.overall.p, 0.19872738893452602, "p");
    expect(change.overall.notable).toBe(false);
  });

  it("gives a delta but no test when a side has fewer than two scores", () => {
    // At threshold 1, B now: [0] (one score) vs before [50, 50]: delta −50, p null.
    const nowAt1 = scoreRound({ themes, responses: current, minResponses: 1 });
    const beforeAt1 = scoreRound({ themes, responses: previous, minResponses: 1 });
    expect(compareRounds(nowAt1, beforeAt1).themes.B).toEqual({ delta: -50, t: null, df: null, p: null, notable: false });
  });

  it("gives no change for a theme with fewer respondents than the threshold on either side", () => {
    // At threshold 2, B now has 1 respondent (hidden): its delta would give its score away.
    expect(scored(now).themes.find((t) => t.code === "B")).toMatchObject({ n: 1, shown: false });
    expect(change.themes.B).toEqual({ delta: null, t: null, df: null, p: null, notable: false });
    // Swapped, the hidden side is the previous round (B: 1 respondent at threshold 2).
    expect(compareRounds(before, now).themes.B).toEqual({ delta: null, t: null, df: null, p: null, notable: false });
  });

  it("compares nothing against a suppressed round", () => {
    const suppressed = scoreRound({ themes, responses: previous, minResponses: 3 });
    expect(compareRounds(now, suppressed).themes.A).toEqual({
      delta: null,
      t: null,
      df: null,
      p: null,
      notable: false,
    });
    expect(compareRounds(suppressed, now)).toEqual({
      overall: { delta: null, t: null, df: null, p: null, notable: false },
      themes: {},
    });
  });
});

it("rejects a threshold below 1", () => {
  expect(() => scoreRound({ themes, responses: [], minResponses: 0 })).toThrow(RangeError);
});
