import type { RoundRow } from "../db/schema";
import type { Db } from "../lib/db";
import { publishMaturity } from "../maturity/publish";
import type { PublishedMaturity } from "../maturity/types";
import { compareRounds } from "./change";
import { type Confidence, confidenceOf } from "./confidence";
import type { FrozenResults } from "./frozen";
import { previousComparableRound } from "./previous";
import { round1 } from "./rounding";
import { type PublicChange, type PublicRoundScores, presentRoundScores } from "./shown-scores";

type ChangeWithPrevious = PublicChange & { previousRoundId: string };

/** Submitted / invited × 100 for invite rounds; null for open access or nobody invited (unrounded). */
export function responseRateOf(round: Pick<RoundRow, "access">, n: number, invited: number): number | null {
  return round.access === "invite" && invited > 0 ? (n / invited) * 100 : null;
}

/**
 * A closed round's results as shown, before labels: rounded, with the change against the previous
 * comparable round. Kept beside the full scores so that reading results parses a small value.
 */
interface PublishedCounts {
  n: number;
  invited: number;
  responseRate: number | null;
  minResponses: number;
  /** Responses that came through an open link (a count from the links, not from responses). */
  openLinkResponses: number;
}

export type Published =
  | (PublishedCounts & { suppressed: true })
  | (Extract<PublicRoundScores, { suppressed: false }> &
      PublishedCounts & {
        invited: number;
        responseRate: number | null;
        /** Frozen by an older rule in rounds closed before it changed: read confidence from getRoundResults. */
        confidence: Confidence | null;
        previousRound: { id: string; title: string; closedAt: string | null } | null;
        overall: { change?: ChangeWithPrevious };
        themes: { change?: ChangeWithPrevious }[];
        /** The maturity matrix as shown; null for a round without it (absent in results frozen before format 3). */
        maturity?: PublishedMaturity | null;
      });

const withPrevious = (change: PublicChange | undefined, previousRoundId: string) => (change ? { previousRoundId, ...change } : undefined);

/** Rounds a frozen round's scores and works out its change; done when it closes (and redone if an earlier round closes late). */
export function publish(db: Db, round: RoundRow, frozen: FrozenResults): Published {
  const { scores, invited } = frozen;
  const rate = responseRateOf(round, scores.n, invited);
  const base = {
    n: scores.n,
    invited,
    responseRate: rate === null ? null : round1(rate),
    minResponses: scores.minResponses,
    openLinkResponses: frozen.openLinkResponses ?? 0,
  };
  if (scores.suppressed) return { ...base, suppressed: true };
  const previous = previousComparableRound(db, round);
  const presented = presentRoundScores(scores, previous ? compareRounds(scores, previous.results.scores) : undefined);
  if (presented.suppressed) return { ...base, suppressed: true };
  const previousRoundId = previous?.round.id ?? "";
  return {
    ...presented,
    ...base,
    confidence: confidenceOf(rate, scores.n),
    previousRound: previous
      ? { id: previous.round.id, title: previous.round.title, closedAt: previous.round.closedAt?.toISOString() ?? null }
      : null,
    overall: { ...presented.overall, change: withPrevious(presented.overall.change, previousRoundId) },
    themes: presented.themes.map((theme) => ({ ...theme, change: withPrevious(theme.change, previousRoundId) })),
    maturity: publishMaturity(db, round, frozen.maturity),
  };
}
