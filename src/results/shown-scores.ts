// The public, rounded shape of a round's scores. The one place where rounding happens, and where
// internal figures (the temperature's sd, kept for next round's test) and the figures of hidden
// items, themes, temperature, rating and trend split (too few respondents behind them) are dropped.
import { round1, round2, round3 } from "./rounding";
import { enoughBehind } from "./threshold";
import type { BreakdownKey, Breakdowns, Change, ChangeSet, Distribution, ItemScores, RoundScores, ThemeScores, TrendCounts } from "./types";

export interface PublicChange {
  delta: number | null;
  p: number | null;
  notable: boolean;
}

/** A not-shown item carries only code, shown, n and dontKnow. */
export interface PublicItem {
  code: string;
  shown: boolean;
  n: number;
  dontKnow: number;
  distribution?: Distribution;
  mean?: number | null;
  sd?: number | null;
  score?: number | null;
  favourable?: number | null;
  neutral?: number | null;
  unfavourable?: number | null;
}

/** A theme that is not shown has score, sd and its change's delta and p null. */
export interface PublicTheme {
  code: string;
  shown: boolean;
  score: number | null;
  sd: number | null;
  n: number;
  change?: PublicChange;
  items: PublicItem[];
}

/** Each figure shown only with at least minResponses respondents behind it; otherwise null. */
export interface PublicOverall {
  score: number | null;
  shown: boolean;
  n: number;
  rating: number | null;
  ratingN: number;
  ratingShown: boolean;
  /** How many answered "compared with a year ago" each way; null when not shown. */
  trend: TrendCounts | null;
  trendN: number;
  trendShown: boolean;
  change?: PublicChange;
}

export type PublicRoundScores =
  | { n: number; minResponses: number; suppressed: true }
  | {
      n: number;
      minResponses: number;
      suppressed: false;
      overall: PublicOverall;
      themes: PublicTheme[];
      breakdowns: Breakdowns;
    };

type Rounder = (x: number) => number;
const nullable =
  (round: Rounder) =>
  (x: number | null): number | null =>
    x === null ? null : round(x);
const score = nullable(round1); // scores, percentages and score differences
const meanOrSd = nullable(round2); // means (incl. the 0–10 rating) and standard deviations
const pValue = nullable(round3);

/**
 * Round and strip the internal value for users. `change` (from compareRounds) adds
 * { delta, p, notable } to the temperature and each theme.
 * @example presentRoundScores(scoreRound(input), compareRounds(current, previous))
 */
export function presentRoundScores(scores: RoundScores, change?: ChangeSet): PublicRoundScores {
  const { n, minResponses } = scores;
  if (scores.suppressed) return { n, minResponses, suppressed: true };
  const o = scores.overall;
  // From n and the threshold rather than the stored flags, so that scores frozen before the flags
  // existed are presented by the same rule.
  const shown = enoughBehind(o.n, minResponses);
  const ratingShown = enoughBehind(o.ratingN, minResponses);
  const trendN = o.trend.worse + o.trend.same + o.trend.better + o.trend.new;
  const trendShown = enoughBehind(trendN, minResponses);
  const overall: PublicOverall = {
    score: shown ? score(o.score) : null,
    shown,
    n: o.n,
    rating: ratingShown ? meanOrSd(o.rating) : null,
    ratingN: o.ratingN,
    ratingShown,
    trend: trendShown ? { ...o.trend } : null,
    trendN,
    trendShown,
    ...(change ? { change: presentChange(change.overall, shown) } : {}),
  };
  return {
    n,
    minResponses,
    suppressed: false,
    overall,
    themes: scores.themes.map((t) => presentTheme(t, enoughBehind(t.n, minResponses), change?.themes[t.code])),
    breakdowns: presentBreakdowns(scores.breakdowns),
  };
}

function presentTheme(theme: ThemeScores, shown: boolean, change: Change | undefined): PublicTheme {
  return {
    code: theme.code,
    shown,
    score: shown ? score(theme.score) : null,
    sd: shown ? meanOrSd(theme.sd) : null,
    n: theme.n,
    ...(change ? { change: presentChange(change, shown) } : {}),
    items: theme.items.map(presentItem),
  };
}

/** Hidden items keep only their counts of answers, never a figure derived from them. */
export function presentItem(item: ItemScores): PublicItem {
  const base = { code: item.code, shown: item.shown, n: item.n, dontKnow: item.dontKnow };
  if (!item.shown) return base;
  return {
    ...base,
    distribution: [...item.distribution],
    mean: meanOrSd(item.mean),
    sd: meanOrSd(item.sd),
    score: score(item.score),
    favourable: score(item.favourable),
    neutral: score(item.neutral),
    unfavourable: score(item.unfavourable),
  };
}

/** The change of a figure that is not shown is not shown either. */
function presentChange(change: Change, shown: boolean): PublicChange {
  if (!shown) return { delta: null, p: null, notable: false };
  return { delta: score(change.delta), p: pValue(change.p), notable: change.notable };
}

function presentBreakdowns(breakdowns: Breakdowns): Breakdowns {
  const rows = (key: BreakdownKey) =>
    breakdowns[key].map((row) => ({
      group: row.group,
      n: row.n,
      overall: score(row.overall),
      themes: Object.fromEntries(Object.entries(row.themes).map(([code, s]) => [code, score(s)])),
    }));
  return {
    organisationType: rows("organisationType"),
    professionalGroup: rows("professionalGroup"),
    involvement: rows("involvement"),
  };
}
