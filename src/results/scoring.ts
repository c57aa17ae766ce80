// Scoring of one round: answers in, unrounded figures out. Pure; rounding happens once, later,
// in `presentRoundScores`, so tests can compare full precision with the reference fixture.
//
// Two steps. Each response gives its respondent's theme scores and adds to each item's answer
// tally; the round's figures come from those alone (`scoreTallies`). A submission stores its
// theme scores and SQL counts the tallies, so closing a round of 100,000 responses reads one row per
// response and a few hundred counts instead of 2.5 million answers — through the same `scoreTallies`.
// Respondents travel column by column (typed arrays, NaN for "no score"): 100,000 of them are then
// a few arrays rather than 100,000 objects.
import { breakdownBy, type ScoreColumns } from "./breakdown";
import { mean, sampleSd } from "./stats";
import { enoughBehind } from "./threshold";
import type {
  AnswerTally,
  BreakdownKey,
  Breakdowns,
  ItemScores,
  OverallScores,
  RespondentColumns,
  RoundScores,
  ScoredResponse,
  ThemeDef,
  ThemeScores,
  Trend,
  TrendCounts,
} from "./types";

export { compareRounds } from "./change";
export type * from "./types";

export interface ScoreRoundInput {
  themes: readonly ThemeDef[];
  responses: ScoredResponse[];
  minResponses: number;
}

export interface ScoreTalliesInput {
  themes: readonly ThemeDef[];
  /** Every submitted response, with its theme scores (`respondentThemeScores`). */
  respondents: RespondentColumns;
  /** Answers per item code; an item nobody answered may be missing. */
  tallies: ReadonlyMap<string, AnswerTally>;
  minResponses: number;
}

const BREAKDOWN_KEYS: readonly BreakdownKey[] = ["organisationType", "professionalGroup", "involvement"];

/**
 * Score one round from its responses. Fewer responses than minResponses →
 * `{ n, minResponses, suppressed: true }` and nothing else, so no figure from a too-small round can leak.
 * @example scoreRound({ themes, responses, minResponses: 5 }).overall.score // the temperature
 */
export function scoreRound({ themes, responses, minResponses }: ScoreRoundInput): RoundScores {
  return scoreTallies({ themes, respondents: respondentColumns(responses, themes), tallies: tallyAnswers(responses), minResponses });
}

/** scoreRound from respondents' theme scores and item tallies: the figures are the same. */
export function scoreTallies({ themes, respondents, tallies, minResponses }: ScoreTalliesInput): RoundScores {
  if (!Number.isInteger(minResponses) || minResponses < 1) {
    throw new RangeError(`minResponses must be a positive integer, got ${minResponses}`);
  }
  const { n } = respondents;
  if (n < minResponses) return { n, minResponses, suppressed: true };

  const scores: ScoreColumns = { themes: respondents.themeScores, overall: respondentOverallScores(respondents, themes) };
  return {
    n,
    minResponses,
    suppressed: false,
    overall: scoreOverall(respondents, scores.overall, minResponses),
    themes: themes.map((theme) => scoreTheme(theme, scores, tallies, minResponses)),
    breakdowns: scoreBreakdowns(themes, respondents, scores, minResponses),
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

/**
 * One respondent's score per theme: their mean valid answer in it on the 0–100 scale, null where
 * they gave none. Stored with each response when it is submitted.
 * @example respondentThemeScores({ "a.1": 5, "a.2": 4 }, [{ code: "a", items: ["a.1", "a.2"] }]) // { a: 87.5 }
 */
export function respondentThemeScores(answers: ScoredResponse["answers"], themes: readonly ThemeDef[]): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  for (const theme of themes) {
    const m = mean(theme.items.map((code) => answers[code]).filter(isValidAnswer));
    scores[theme.code] = m === null ? null : toScore(m);
  }
  return scores;
}

/** Empty columns for `n` respondents of `themes`, to be filled in respondent order. */
function emptyColumns(n: number, themes: readonly ThemeDef[]): RespondentColumns {
  const strings = () => new Array<string | null>(n).fill(null);
  return {
    n,
    themeScores: Object.fromEntries(themes.map((t) => [t.code, new Float64Array(n).fill(Number.NaN)])),
    rating: new Float64Array(n).fill(Number.NaN),
    trend: new Array<Trend | null>(n).fill(null),
    groups: { organisationType: strings(), professionalGroup: strings(), involvement: strings() },
  };
}

/** Responses as columns, each respondent's theme scores worked out from their answers. */
export function respondentColumns(responses: readonly ScoredResponse[], themes: readonly ThemeDef[]): RespondentColumns {
  const columns = emptyColumns(responses.length, themes);
  responses.forEach((r, i) => {
    const themeScores = respondentThemeScores(r.answers, themes);
    for (const theme of themes) {
      const column = columns.themeScores[theme.code];
      if (column) column[i] = themeScores[theme.code] ?? Number.NaN;
    }
    columns.rating[i] = r.overall ?? Number.NaN;
    columns.trend[i] = r.trend ?? null;
    for (const key of BREAKDOWN_KEYS) columns.groups[key][i] = r[key] ?? null;
  });
  return columns;
}

/**
 * Each respondent's overall score: the mean of the theme scores they have (NaN with none). It is
 * over the themes this respondent has, so the temperature is not the mean of the round's theme
 * scores when someone skipped a whole theme.
 */
export function respondentOverallScores(respondents: RespondentColumns, themes: readonly ThemeDef[]): Float64Array {
  const columns = themes.map((t) => respondents.themeScores[t.code]);
  const overall = new Float64Array(respondents.n);
  for (let i = 0; i < respondents.n; i++) {
    let sum = 0;
    let count = 0;
    for (const column of columns) {
      const v = column?.[i] ?? Number.NaN;
      if (Number.isNaN(v)) continue;
      sum += v;
      count += 1;
    }
    overall[i] = count === 0 ? Number.NaN : sum / count;
  }
  return overall;
}

const noAnswers = (): AnswerTally => ({ distribution: [0, 0, 0, 0, 0], dontKnow: 0 });

/** The tally of item `code` in `tallies`, added empty if it has none yet. */
export function tallyOf(tallies: Map<string, AnswerTally>, code: string): AnswerTally {
  let tally = tallies.get(code);
  if (!tally) {
    tally = noAnswers();
    tallies.set(code, tally);
  }
  return tally;
}

/** How often each item got each answer, over `responses`. */
function tallyAnswers(responses: readonly ScoredResponse[]): Map<string, AnswerTally> {
  const tallies = new Map<string, AnswerTally>();
  for (const response of responses) {
    for (const [code, value] of Object.entries(response.answers)) {
      const tally = tallyOf(tallies, code);
      if (isValidAnswer(value)) tally.distribution[value - 1] = (tally.distribution[value - 1] ?? 0) + 1;
      else if (value === "dont_know") tally.dontKnow += 1;
    }
  }
  return tallies;
}

/** Statistics of one item from its tally; shown only with n >= minResponses. */
export function scoreItem(code: string, tally: AnswerTally, minResponses: number): ItemScores {
  const { distribution, dontKnow } = tally;
  const [ones, twos, threes, fours, fives] = distribution;
  const n = ones + twos + threes + fours + fives;
  const m = n === 0 ? null : (ones + 2 * twos + 3 * threes + 4 * fours + 5 * fives) / n;
  // Σ (x − mean)² over the answers, one term per answer value.
  let squares = 0;
  if (m !== null) for (const [i, count] of distribution.entries()) squares += count * (i + 1 - m) ** 2;
  const percent = (k: number): number | null => (n === 0 ? null : (k / n) * 100);
  return {
    code,
    n,
    dontKnow,
    distribution: [ones, twos, threes, fours, fives],
    mean: m,
    sd: n < 2 ? null : Math.sqrt(squares / (n - 1)),
    score: m === null ? null : toScore(m),
    favourable: percent(fours + fives),
    neutral: percent(threes),
    unfavourable: percent(ones + twos),
    shown: enoughBehind(n, minResponses),
  };
}

function scoreTheme(theme: ThemeDef, scores: ScoreColumns, tallies: ReadonlyMap<string, AnswerTally>, minResponses: number): ThemeScores {
  const values = present(scores.themes[theme.code]);
  return {
    code: theme.code,
    shown: enoughBehind(values.length, minResponses),
    score: mean(values),
    sd: sampleSd(values),
    n: values.length,
    // Items that are not shown still count in the respondent scores above.
    items: theme.items.map((code) => scoreItem(code, tallies.get(code) ?? noAnswers(), minResponses)),
  };
}

function scoreOverall(respondents: RespondentColumns, overallScores: Float64Array, minResponses: number): OverallScores {
  const values = present(overallScores);
  const ratings = present(respondents.rating);
  const trend: TrendCounts = { worse: 0, same: 0, better: 0, new: 0 };
  let trendN = 0;
  for (const t of respondents.trend) {
    if (!t) continue;
    trend[t] += 1;
    trendN += 1;
  }
  return {
    score: mean(values),
    shown: enoughBehind(values.length, minResponses),
    sd: sampleSd(values),
    n: values.length,
    rating: mean(ratings),
    ratingN: ratings.length,
    ratingShown: enoughBehind(ratings.length, minResponses),
    trend,
    trendN,
    trendShown: enoughBehind(trendN, minResponses),
  };
}

function scoreBreakdowns(
  themes: readonly ThemeDef[],
  respondents: RespondentColumns,
  scores: ScoreColumns,
  minResponses: number,
): Breakdowns {
  const codes = themes.map((t) => t.code);
  const rowsFor = (key: BreakdownKey) => breakdownBy(respondents.groups[key], scores, codes, minResponses);
  return {
    organisationType: rowsFor("organisationType"),
    professionalGroup: rowsFor("professionalGroup"),
    involvement: rowsFor("involvement"),
  };
}

/** The values of a column that are there (not NaN), in order. */
function present(column: Float64Array | undefined): number[] {
  const values: number[] = [];
  if (column) for (const v of column) if (!Number.isNaN(v)) values.push(v);
  return values;
}
