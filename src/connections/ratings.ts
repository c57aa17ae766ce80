import { round1, round2 } from "../results/rounding";
import type { RatingReport } from "./map-inputs";
import type { MapOrganisation } from "./types";

/** Ratings received, shown only from `minResponses` ratings. */
export type Received = { n: number; mean: number | null; score: number | null; shown: boolean };
/** The network's trust or value: the unweighted mean over the organisations whose figure is shown. */
export type NetworkRating = { organisations: number; mean: number | null; score: number | null; shown: boolean };

/** Ratings received, with the unrounded mean kept for the network's figure. */
export type ReceivedExact = Received & { exactMean: number | null };

/**
 * Every rating an organisation received (respondents rate only partners they work with at level 2
 * or more; ratings of organisations outside the round are ignored).
 */
export function receivedRatings(
  byName: MapOrganisation[],
  ratings: RatingReport[],
  kind: "trust" | "value",
  minResponses: number,
): Map<string, ReceivedExact> {
  // Sums and counts of whole numbers are exact, so the mean is the same in any order.
  const given = new Map<string, { n: number; sum: number }>(byName.map((org) => [org.id, { n: 0, sum: 0 }]));
  for (const rating of ratings) {
    const score = rating[kind];
    const tally = given.get(rating.org);
    if (score == null || !tally) continue;
    tally.n += rating.n;
    tally.sum += score * rating.n;
  }
  const received = new Map<string, ReceivedExact>();
  for (const [id, { n, sum }] of given) {
    const shown = n >= minResponses && n > 0;
    const exactMean = shown ? sum / n : null;
    received.set(id, {
      n,
      mean: exactMean === null ? null : round2(exactMean),
      score: exactMean === null ? null : round1(toScore(exactMean)),
      shown,
      exactMean,
    });
  }
  return received;
}

/** The network's figure: the unweighted mean of the shown organisations' means, so that no hidden rating can be subtracted out. */
export function networkRating(all: Iterable<ReceivedExact>): NetworkRating {
  const shownMeans = [...all].filter((org) => org.shown).map((org) => org.exactMean as number);
  if (shownMeans.length === 0) return { organisations: 0, mean: null, score: null, shown: false };
  const mean = shownMeans.reduce((sum, m) => sum + m, 0) / shownMeans.length;
  return { organisations: shownMeans.length, mean: round2(mean), score: round1(toScore(mean)), shown: true };
}

/** What is reported of an organisation's ratings: the unrounded mean stays inside. */
export function publicPart(received: ReceivedExact | undefined): Received {
  const { n, mean, score, shown } = received ?? { n: 0, mean: null, score: null, shown: false };
  return { n, mean, score, shown };
}

/** A 1–4 rating as 0–100. */
const toScore = (mean: number) => ((mean - 1) / 3) * 100;
