// Types of the unrounded scoring value. Each figure keeps its n, mean and sd: all that Welch's
// test against the next round needs of the respondent scores behind it.

export type AnswerValue = 1 | 2 | 3 | 4 | 5 | "dont_know";
export type Trend = "worse" | "same" | "better" | "new";

export interface ScoredResponse {
  answers: Record<string, AnswerValue>;
  /** 0..10 */
  overall?: number | null;
  trend?: Trend | null;
  involvement?: string | null;
  organisationType?: string | null;
  professionalGroup?: string | null;
}

/**
 * A round's responses as its figures need them, column by column (entry i of every column is
 * respondent i): theme scores instead of answers, NaN where there is no score or rating.
 */
export interface RespondentColumns {
  n: number;
  themeScores: Record<string, Float64Array>;
  /** The 0–10 rating. */
  rating: Float64Array;
  trend: Array<Trend | null>;
  groups: Record<BreakdownKey, Array<string | null>>;
}

export interface ThemeDef {
  code: string;
  items: readonly string[];
}

/** Counts of the answers 1, 2, 3, 4, 5 in that order. */
export type Distribution = [number, number, number, number, number];

/** How often an item got each answer. */
export interface AnswerTally {
  distribution: Distribution;
  dontKnow: number;
}

/** Item statistics; every derived figure is null when the item has no valid answer. */
export interface ItemScores {
  code: string;
  n: number;
  dontKnow: number;
  distribution: Distribution;
  mean: number | null;
  sd: number | null;
  score: number | null;
  favourable: number | null;
  neutral: number | null;
  unfavourable: number | null;
  shown: boolean;
}

/**
 * A theme's figures, unrounded. They are kept even when fewer than minResponses respondents are
 * behind them (the reference arithmetic and the next round's change test need them); `shown` says
 * whether users may see them, and presentRoundScores drops them when not.
 */
export interface ThemeScores {
  code: string;
  shown: boolean;
  score: number | null;
  sd: number | null;
  n: number;
  items: ItemScores[];
}

export interface TrendCounts {
  worse: number;
  same: number;
  better: number;
  new: number;
}

/** As ThemeScores, each figure says whether it has at least minResponses respondents behind it. */
export interface OverallScores {
  /** The temperature: mean of respondent overall scores. */
  score: number | null;
  /** The temperature has at least minResponses respondents behind it. */
  shown: boolean;
  /** Sample sd of the respondent overall scores. */
  sd: number | null;
  n: number;
  rating: number | null;
  ratingN: number;
  ratingShown: boolean;
  trend: TrendCounts;
  /** Respondents who answered the trend question. */
  trendN: number;
  trendShown: boolean;
}

export type BreakdownKey = "organisationType" | "professionalGroup" | "involvement";

/**
 * One group of a breakdown. A figure is null when it is not shown: fewer than minResponses
 * respondents behind it, or hidden so that the figures left out of the breakdown still add up to
 * at least minResponses respondents (see breakdown.ts).
 */
export interface BreakdownRow {
  group: string;
  n: number;
  overall: number | null;
  themes: Record<string, number | null>;
}

export type Breakdowns = Record<BreakdownKey, BreakdownRow[]>;

export interface ScoredRound {
  n: number;
  minResponses: number;
  suppressed: false;
  overall: OverallScores;
  themes: ThemeScores[];
  breakdowns: Breakdowns;
}

/** A round below the threshold carries nothing derived from answers. */
export interface SuppressedRound {
  n: number;
  minResponses: number;
  suppressed: true;
}

export type RoundScores = ScoredRound | SuppressedRound;

export interface Change {
  delta: number | null;
  t: number | null;
  df: number | null;
  p: number | null;
  notable: boolean;
}

export interface ChangeSet {
  overall: Change;
  themes: Record<string, Change>;
}
