// The public, rounded shape of a round's scores. The one place where rounding happens, and where
// internal figures (the temperature's sd, kept for next round's test) and hidden items' figures are dropped.
import { round1, round2, round3 } from "./rounding";
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

export interface PublicTheme {
  code: string;
  score: number | null;
  sd: number | null;
  n: number;
  change?: PublicChange;
  items: PublicItem[];
}

export interface PublicOverall {
  score: number | null;
  n: number;
  rating: number | null;
  ratingN: number;
  trend: TrendCounts;
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
  const overall: PublicOverall = {
    score: score(o.score),
    n: o.n,
    rating: meanOrSd(o.rating),
    ratingN: o.ratingN,
    trend: { ...o.trend },
    ...(change ? { change: presentChange(change.overall) } : {}),
  };
  return {
    n,
    minResponses,
    suppressed: false,
    overall,
    themes: scores.themes.map((t) => presentTheme(t, change?.themes[t.code])),
    breakdowns: presentBreakdowns(scores.breakdowns),
  };
}

function presentTheme(theme: ThemeScores, change: Change | undefined): PublicTheme {
  return {
    code: theme.code,
    score: score(theme.score),
    sd: meanOrSd(theme.sd),
    n: theme.n,
    ...(change ? { change: presentChange(change) } : {}),
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

function presentChange(change: Change): PublicChange {
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
