import { and, asc, eq, lt } from "drizzle-orm";
import type { RoundRow } from "../db/schema";
import { rounds } from "../db/schema";
import type { Db } from "../lib/db";
import { closedRoundsBefore } from "../rounds/closed-rounds";
import { type FrozenResults, frozenResults, frozenSummary } from "./frozen";

/** Closed rounds of the same network on the same instrument that closed before this one, oldest first. */
export function earlierComparableRounds(db: Db, round: RoundRow): RoundRow[] {
  if (!round.closedAt) return [];
  return db
    .select()
    .from(rounds)
    .where(
      and(
        eq(rounds.networkId, round.networkId),
        eq(rounds.status, "closed"),
        eq(rounds.instrumentId, round.instrumentId),
        eq(rounds.instrumentVersion, round.instrumentVersion),
        lt(rounds.closedAt, round.closedAt),
      ),
    )
    .orderBy(asc(rounds.closedAt))
    .all();
}

/**
 * The round a closed round is compared with: the most recent earlier closed round of the same
 * network on the same instrument whose results are not suppressed (a suppressed round has no
 * scores to compare with, so change skips it).
 */
export function previousComparableRound(db: Db, round: RoundRow): { round: RoundRow; results: FrozenResults } | undefined {
  // Judge each candidate by its small summary; parse only the chosen round's full scores.
  const chosen = earlierComparableRounds(db, round)
    .reverse()
    .find((candidate) => frozenSummary(db, candidate.id)?.suppressed === false);
  const results = chosen ? frozenResults(db, chosen.id) : undefined;
  return chosen && results ? { round: chosen, results } : undefined;
}

/** The closed round just before this one, suppressed or not: its actions are followed up now. */
export function previousClosedRound(db: Db, round: RoundRow): RoundRow | undefined {
  return closedRoundsBefore(db, round)[0];
}
