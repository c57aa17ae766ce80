// Change against a previous round: the difference of the published figures, and Welch's t-test
// on exactly the respondent scores behind each figure (through their n, mean and sd, which is all
// the test uses), to flag changes unlikely to be noise.
import { welchFromSummaries } from "./stats";
import { enoughBehind } from "./threshold";
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
 * A suppressed round on either side, a theme missing from the previous round, or a figure with
 * fewer than its round's minResponses respondents behind it on either side gives delta/t/df/p null
 * and notable false: a change would give away the hidden figure.
 * @example compareRounds(thisRound, lastRound).themes.purpose // { delta, t, df, p, notable }
 */
export function compareRounds(current: RoundScores, previous: RoundScores): ChangeSet {
  if (current.suppressed) return { overall: { ...NO_CHANGE }, themes: {} };
  // Decided from n and each round's own threshold, not a stored flag: a previous round frozen
  // before figures carried one is judged by the same rule.
  const shownNow = (figure: Figure) => enoughBehind(figure.n, current.minResponses);
  const shownBefore = (figure: Figure) => enoughBehind(figure.n, previous.minResponses);
  const between = (now: Figure, before: Figure | undefined) =>
    before && shownNow(now) && shownBefore(before) ? changeBetween(now, before) : { ...NO_CHANGE };
  const themes: Record<string, Change> = {};
  for (const theme of current.themes) {
    themes[theme.code] = between(theme, previous.suppressed ? undefined : previous.themes.find((t) => t.code === theme.code));
  }
  const overall = between(current.overall, previous.suppressed ? undefined : previous.overall);
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
