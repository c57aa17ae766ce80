import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import type { RoundRow } from "../db/schema";
import { rounds } from "../db/schema";
import type { Db } from "../lib/db";

// A closed round's neighbours in its network, for change since last time (the round before) and
// for working change out again when a round closes late (the rounds after). None for a round
// that has not closed.

/** The network's closed rounds that closed before `round`, the most recent first. */
export function closedRoundsBefore(db: Db, round: RoundRow): RoundRow[] {
  if (!round.closedAt) return [];
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.networkId, round.networkId), eq(rounds.status, "closed"), lt(rounds.closedAt, round.closedAt)))
    .orderBy(desc(rounds.closedAt))
    .all();
}

/** The network's closed rounds that closed after `round`, the oldest first. */
export function closedRoundsAfter(db: Db, round: RoundRow): RoundRow[] {
  if (!round.closedAt) return [];
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.networkId, round.networkId), eq(rounds.status, "closed"), gt(rounds.closedAt, round.closedAt)))
    .orderBy(asc(rounds.closedAt))
    .all();
}
