// Types of the unrounded scoring value. Respondent scores live here (needed for Welch tests
// against the next round) and are dropped by `presentRoundScores` before anything is shown.

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

export interface ThemeDef {
  code: string;
  items: string[];
}

/** Counts of the answers 1, 2, 3, 4, 5 in that order. */
export type Distribution = [number, number, number, number, number];

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

export interface ThemeScores {
  code: string;
  score: number | null;
  sd: number | null;
  n: number;
  respondentScores: number[];
  items: ItemScores[];
}

export interface TrendCounts {
  worse: number;
  same: number;
  better: number;
  new: number;
}

export interface OverallScores {
  /** The temperature: mean of respondent overall scores. */
  score: number | null;
  n: number;
  respondentScores: number[];
  rating: number | null;
  ratingN: number;
  trend: TrendCounts;
}

export type BreakdownKey = "organisationType" | "professionalGroup" | "involvement";

export interface BreakdownRow {
  group: string;
  n: number;
  overall: number | null;
  themes: Record<string, number | null>;
}

export type Breakdowns = Record<BreakdownKey, BreakdownRow[]>;

/** One respondent's theme scores (null where they gave no valid answer) and overall score. */
export interface RespondentScores {
  themes: Record<string, number | null>;
  overall: number | null;
}

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
