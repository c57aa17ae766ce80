import { round1, round2 } from "../results/rounding";
import type { ConnectionRecord, MapOrganisation } from "./types";

/** Ratings received, shown only from `minResponses` ratings. */
export type Received = { n: number; mean: number | null; score: number | null; shown: boolean };
/** The network's trust or value: the unweighted mean over the organisations whose figure is shown. */
export type NetworkRating = { organisations: number; mean: number | null; score: number | null; shown: boolean };

/** A rating is given only where a respondent works with the partner at least at this level. */
const RATED_FROM_LEVEL = 2;

/** Ratings received, with the unrounded mean kept for the network's figure. */
export type ReceivedExact = Received & { exactMean: number | null };

/** Every rating an organisation received, from respondents who work with it at level 2 or more. */
export function receivedRatings(
  byName: MapOrganisation[],
  records: ConnectionRecord[],
  kind: "trust" | "value",
  minResponses: number,
): Map<string, ReceivedExact> {
  const given = new Map<string, number[]>(byName.map((org) => [org.id, []]));
  for (const record of records) {
    for (const link of record.links) {
      const rating = link[kind];
      if (link.level >= RATED_FROM_LEVEL && rating != null && link.org !== record.org) given.get(link.org)?.push(rating);
    }
  }
  const received = new Map<string, ReceivedExact>();
  for (const [id, ratings] of given) {
    const shown = ratings.length >= minResponses && ratings.length > 0;
    const exactMean = shown ? ratings.reduce((sum, r) => sum + r, 0) / ratings.length : null;
    received.set(id, {
      n: ratings.length,
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
