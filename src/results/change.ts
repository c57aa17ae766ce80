// Change against a previous round: the difference of the published figures, and Welch's t-test
// on exactly the respondent scores behind each figure (through their n, mean and sd, which is all
// the test uses), to flag changes unlikely to be noise.
import { welchFromSummaries } from "./stats";
import type { Change, ChangeSet, RoundScores } from "./types";

/** p below this marks a change as notable. */
export const NOTABLE_P = 0.05;

const NO_CHANGE: Change = { delta: null, t: null, df: null, p: null, notable: false };

/** A theme or the temperature: the mean, sd and count of its respondent scores. */
interface Figure {
  score: number | null;
  sd: number | null;
  n: number;
}

/**
 * Change of the temperature and of each theme of `current` (matched by code) since `previous`.
 * A suppressed round on either side, or a theme missing from the previous round, gives
 * delta/t/df/p null and notable false.
 * @example compareRounds(thisRound, lastRound).themes.purpose // { delta, t, df, p, notable }
 */
export function compareRounds(current: RoundScores, previous: RoundScores): ChangeSet {
  if (current.suppressed) return { overall: { ...NO_CHANGE }, themes: {} };
  const themes: Record<string, Change> = {};
  for (const theme of current.themes) {
    const before = previous.suppressed ? undefined : previous.themes.find((t) => t.code === theme.code);
    themes[theme.code] = before ? changeBetween(theme, before) : { ...NO_CHANGE };
  }
  const overall = previous.suppressed ? { ...NO_CHANGE } : changeBetween(current.overall, previous.overall);
  return { overall, themes };
}

/** delta = now − before; t is positive when the score went up. */
export function changeBetween(now: Figure, before: Figure): Change {
  const delta = now.score === null || before.score === null ? null : now.score - before.score;
  // Null with fewer than 2 scores on a side, or zero variance on both sides (see welchTTest).
  const test = welchFromSummaries(summaryOf(now), summaryOf(before));
  if (test === null) return { ...NO_CHANGE, delta };
  return { delta, t: test.t, df: test.df, p: test.p, notable: test.p < NOTABLE_P };
}

const summaryOf = (figure: Figure) => ({ n: figure.n, mean: figure.score, sd: figure.sd });
