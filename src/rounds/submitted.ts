import { asc, eq, inArray, sql, sum } from "drizzle-orm";
import { dailySubmissions } from "../db/schema";
import type { Db } from "../lib/db";

/**
 * Counts one submission on `day`, in the submission's own transaction: the round's progress is
 * live although its responses are written in batches later (bind round id, day).
 */
export const COUNT_SUBMISSION_SQL = `insert into daily_submissions (round_id, day, submitted) values (?, ?, 1)
  on conflict (round_id, day) do update set submitted = submitted + 1`;

/** Responses submitted to each of `roundIds` (rounds without any are left out). */
export function submittedPerRound(db: Db, roundIds: string[]): Map<string, number> {
  if (roundIds.length === 0) return new Map();
  const rows = db
    .select({ roundId: dailySubmissions.roundId, submitted: sum(dailySubmissions.submitted).mapWith(Number) })
    .from(dailySubmissions)
    .where(inArray(dailySubmissions.roundId, roundIds))
    .groupBy(dailySubmissions.roundId)
    .all();
  return new Map(rows.map((row) => [row.roundId, row.submitted]));
}

/** Responses submitted to a round so far, pending or written. */
export function submittedCount(db: Db, roundId: string): number {
  return (
    db
      .select({ n: sql<number>`coalesce(sum(${dailySubmissions.submitted}), 0)` })
      .from(dailySubmissions)
      .where(eq(dailySubmissions.roundId, roundId))
      .get()?.n ?? 0
  );
}

/** Responses per day, oldest day first. */
export function submittedByDay(db: Db, roundId: string): { day: string; submitted: number }[] {
  return db
    .select({ day: dailySubmissions.day, submitted: dailySubmissions.submitted })
    .from(dailySubmissions)
    .where(eq(dailySubmissions.roundId, roundId))
    .orderBy(asc(dailySubmissions.day))
    .all();
}
