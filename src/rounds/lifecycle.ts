import { and, eq, exists, isNotNull, lte } from "drizzle-orm";
import { freezeNetworkMap } from "../connections/freeze-map";
import type { RoundRow } from "../db/schema";
import { drafts, invitations, rounds } from "../db/schema";
import { emptyOutboxAtClose } from "../email/close";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { freezeRoundResults } from "../results/freeze";
import { emptyPoolAtClose } from "../survey/pool";

/**
 * Closes an open round in one transaction: marks it closed, deletes every half-finished draft (they
 * can never be submitted now), empties its pending pool (the last batch written, or everything
 * deleted for a round below its threshold) and its outbox (keeping the counts), and freezes its
 * results and its network map. Returns the closed round.
 */
export function closeRound(deps: { db: Db; clock: Clock }, round: RoundRow, closedAt = deps.clock.now()): RoundRow {
  const { db, clock } = deps;
  return db.transaction((tx) => {
    const closed = tx
      .update(rounds)
      .set({ status: "closed", closedAt })
      .where(and(eq(rounds.id, round.id), eq(rounds.status, "open")))
      .returning()
      .get();
    if (!closed) return tx.select().from(rounds).where(eq(rounds.id, round.id)).get() ?? round;
    // Drafts are few (unfinished surveys) and a round's links many: walk the drafts, not the links.
    const ofThisRound = tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.id, drafts.invitationId), eq(invitations.roundId, round.id)));
    tx.delete(drafts).where(exists(ofThisRound)).run();
    // The outer handle: better-sqlite3 runs it on the same connection, inside this transaction.
    emptyPoolAtClose(db, closed);
    // Email: only the counts stay; no sealed link outlives the round.
    emptyOutboxAtClose(db, closed.id);
    freezeRoundResults(db, clock, closed);
    freezeNetworkMap(db, clock, closed);
    return closed;
  });
}

/** True when an open round has passed its closing time. */
export function isDue(round: RoundRow, now: Date): boolean {
  return round.status === "open" && round.closesAt !== null && round.closesAt.getTime() <= now.getTime();
}

/**
 * Whether members may no longer answer: the round is closed, or open past its closing time and not
 * yet closed by the scheduled closer. Members' pages read this and never close a round themselves.
 */
export function closedToMembers(round: RoundRow, now: Date): boolean {
  return round.status === "closed" || isDue(round, now);
}

/**
 * The round as it stands now: an open round past `closesAt` is closed first (at its closing time).
 * Only loadRound (staff reading a round) calls this, beside the scheduled closer's closeDueRounds:
 * members' pages read closedToMembers instead (test/rounds/load-round.test.ts holds to it).
 */
export function currentRound(deps: { db: Db; clock: Clock }, round: RoundRow): RoundRow {
  return isDue(round, deps.clock.now()) ? closeRound(deps, round, round.closesAt ?? deps.clock.now()) : round;
}

/** Closes every open round past its closing time; the server calls this every minute. */
export function closeDueRounds(deps: { db: Db; clock: Clock }): number {
  const due = deps.db
    .select()
    .from(rounds)
    .where(and(eq(rounds.status, "open"), isNotNull(rounds.closesAt), lte(rounds.closesAt, deps.clock.now())))
    .all();
  for (const round of due) closeRound(deps, round, round.closesAt ?? deps.clock.now());
  return due.length;
}
