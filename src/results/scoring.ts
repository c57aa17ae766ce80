// Scoring of one round: answers in, unrounded figures out. Pure; rounding happens once, later,
// in `presentRoundScores`, so tests can compare full precision with the reference fixture.
import { breakdownBy } from "./breakdown";
import { mean, sampleSd } from "./stats";
import type {
  AnswerValue,
  BreakdownKey,
  Breakdowns,
  ItemScores,
  OverallScores,
  RespondentScores,
  RoundScores,
  ScoredResponse,
  ThemeDef,
  ThemeScores,
  TrendCounts,
} from "./types";

export { compareRounds } from "./change";
export type * from "./types";

export interface ScoreRoundInput {
  themes: ThemeDef[];
  responses: ScoredResponse[];
  minResponses: number;
}

const BREAKDOWN_KEYS: readonly BreakdownKey[] = ["organisationType", "professionalGroup", "involvement"];

/**
 * Score one round. Fewer responses than minResponses → `{ n, minResponses, suppressed: true }`
 * and nothing else, so no figure from a too-small round can leak.
 * @example scoreRound({ themes, responses, minResponses: 5 }).overall.score // the temperature
 */
export function scoreRound({ themes, responses, minResponses }: ScoreRoundInput): RoundScores {
  if (!Number.isInteger(minResponses) || minResponses < 1) {
    throw new RangeError(`minResponses must be a positive integer, got ${minResponses}`);
  }
  const n = responses.length;
  if (n < minResponses) return { n, minResponses, suppressed: true };

  const respondents = responses.map((r) => scoreRespondent(r, themes));
  return {
    n,
    minResponses,
    suppressed: false,
    overall: scoreOverall(responses, respondents),
    themes: themes.map((theme) => scoreTheme(theme, responses, respondents, minResponses)),
    breakdowns: scoreBreakdowns(themes, responses, respondents, minResponses),
  };
}

/** A valid answer is 1–5; "dont_know" and skipped items are not. */
export function isValidAnswer(value: unknown): value is 1 | 2 | 3 | 4 | 5 {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** A 1–5 mean on the 0–100 scale. @example toScore(4) // 75 */
export function toScore(meanAnswer: number): number {
  return ((meanAnswer - 1) / 4) * 100;
}

/** Statistics of one item over all responses; shown only with n >= minResponses. */
export function scoreItem(code: string, responses: readonly ScoredResponse[], minResponses: number): ItemScores {
  const answers: Array<AnswerValue | undefined> = responses.map((r) => r.answers[code]);
  const values = answers.filter(isValidAnswer);
  const count = (v: number): number => values.filter((x) => x === v).length;
  const n = values.length;
  const m = mean(values);
  const percent = (k: number): number | null => (n === 0 ? null : (k / n) * 100);
  return {
    code,
    n,
    dontKnow: answers.filter((a) => a === "dont_know").length,
    distribution: [count(1), count(2), count(3), count(4), count(5)],
    mean: m,
    sd: sampleSd(values),
    score: m === null ? null : toScore(m),
    favourable: percent(count(4) + count(5)),
    neutral: percent(count(3)),
    unfavourable: percent(count(1) + count(2)),
    shown: n >= minResponses,
  };
}

/** A respondent's theme scores (null where no valid answer) and their overall score. */
export function scoreRespondent(response: ScoredResponse, themes: readonly ThemeDef[]): RespondentScores {
  const scores: Record<string, number | null> = {};
  for (const theme of themes) {
    const m = mean(theme.items.map((code) => response.answers[code]).filter(isValidAnswer));
    scores[theme.code] = m === null ? null : toScore(m);
  }
  // Overall is over the themes this respondent has, so it is not the mean of the round's
  // theme scores when someone skipped a whole theme.
  return { themes: scores, overall: mean(numbers(Object.values(scores))) };
}

function scoreTheme(
  theme: ThemeDef,
  responses: readonly ScoredResponse[],
  respondents: readonly RespondentScores[],
  minResponses: number,
): ThemeScores {
  const respondentScores = numbers(respondents.map((r) => r.themes[theme.code]));
  return {
    code: theme.code,
    score: mean(respondentScores),
    sd: sampleSd(respondentScores),
    n: respondentScores.length,
    respondentScores,
    // Items that are not shown still count in the respondent scores above.
    items: theme.items.map((code) => scoreItem(code, responses, minResponses)),
  };
}

function scoreOverall(responses: readonly ScoredResponse[], respondents: readonly RespondentScores[]): OverallScores {
  const respondentScores = numbers(respondents.map((r) => r.overall));
  const ratings = numbers(responses.map((r) => r.overall));
  const trend: TrendCounts = { worse: 0, same: 0, better: 0, new: 0 };
  for (const r of responses) if (r.trend) trend[r.trend] += 1;
  return {
    score: mean(respondentScores),
    n: respondentScores.length,
    respondentScores,
    rating: mean(ratings),
    ratingN: ratings.length,
    trend,
  };
}

function scoreBreakdowns(
  themes: readonly ThemeDef[],
  responses: readonly ScoredResponse[],
  respondents: readonly RespondentScores[],
  minResponses: number,
): Breakdowns {
  const themeCodes = themes.map((t) => t.code);
  const rowsFor = (key: BreakdownKey) =>
    breakdownBy(
      responses.map((r, i) => ({
        group: r[key],
        scores: respondents[i] ?? { themes: {}, overall: null },
      })),
      themeCodes,
      minResponses,
    );
  const [organisationType, professionalGroup, involvement] = BREAKDOWN_KEYS.map(rowsFor);
  return {
    organisationType: organisationType ?? [],
    professionalGroup: professionalGroup ?? [],
    involvement: involvement ?? [],
  };
}

function numbers(values: ReadonlyArray<number | null | undefined>): number[] {
  return values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}
