import { count, inArray, sql } from "drizzle-orm";
import type { RoundRow } from "../db/schema";
import { invitations } from "../db/schema";
import type { Db } from "../lib/db";
import type { RoundCounts, RoundProgress } from "./schemas";
import { submittedByDay, submittedPerRound } from "./submitted";

const EMPTY: RoundCounts = { invited: 0, started: 0, submitted: 0 };

/**
 * Invited / started / submitted for several rounds in two grouped queries. `started` counts links
 * on which someone began (started or submitted); `submitted` counts responses, pending or written,
 * from the counts kept per day (open-link rounds have responses too).
 */
export function roundCounts(db: Db, roundIds: string[]): Map<string, RoundCounts> {
  const result = new Map<string, RoundCounts>(roundIds.map((id) => [id, { ...EMPTY }]));
  if (roundIds.length === 0) return result;
  const links = db
    .select({
      roundId: invitations.roundId,
      invited: count(),
      started: sql<number>`coalesce(sum(${invitations.status} in ('started', 'submitted')), 0)`,
    })
    .from(invitations)
    .where(inArray(invitations.roundId, roundIds))
    .groupBy(invitations.roundId)
    .all();
  for (const row of links) {
    const counts = result.get(row.roundId);
    if (counts) Object.assign(counts, { invited: row.invited, started: Number(row.started) });
  }
  for (const [roundId, submitted] of submittedPerRound(db, roundIds)) {
    const counts = result.get(roundId);
    if (counts) counts.submitted = submitted;
  }
  return result;
}

/** Percent of `part` in `whole` to one decimal, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/**
 * How a round is going: its counts, the response rate (invite rounds only: an open link has no
 * fixed number of people invited) and responses per day, oldest day first.
 */
export function roundProgress(db: Db, round: RoundRow): RoundProgress {
  const counts = roundCounts(db, [round.id]).get(round.id) ?? EMPTY;
  const byDay = submittedByDay(db, round.id);
  return {
    ...counts,
    responseRate: round.access === "open" ? null : percent(counts.submitted, counts.invited),
    byDay,
  };
}
