// Which actions a round's report follows up. Actions carry forward from round to round until they
// are done or dropped, whatever happened in between (a round with no actions, a suppressed round).
import { and, asc, eq, lte } from "drizzle-orm";
import { actions, type RoundRow, rounds } from "../db/schema";
import type { Db } from "../lib/db";
import { previousClosedRound } from "../results/previous";
import type { ActionView } from "./schemas";
import { actionView } from "./service";

export type ReportAction = ActionView & { fromPreviousRound: boolean };

/**
 * The actions a closed round's report lists, as they stand: those agreed about this round, and those
 * agreed about any earlier round that are still open or in progress, or were done or dropped since
 * the round before this one closed. Actions of later rounds never appear.
 * @example reportActions(db, round).filter((a) => a.fromPreviousRound) // what is followed up
 */
export function reportActions(db: Db, round: RoundRow): ReportAction[] {
  if (!round.closedAt) return [];
  const since = previousClosedRound(db, round)?.closedAt ?? null;
  const rows = db
    .select({ action: actions })
    .from(actions)
    .innerJoin(rounds, eq(rounds.id, actions.roundId))
    .where(and(eq(actions.networkId, round.networkId), eq(rounds.status, "closed"), lte(rounds.closedAt, round.closedAt)))
    .orderBy(asc(rounds.closedAt), asc(actions.createdAt))
    .all()
    .map((r) => r.action);
  return rows
    .filter((a) => {
      if (a.roundId === round.id || a.status === "open" || a.status === "in_progress") return true;
      // Rows closed before closing times were kept count from their last change, as the migration set them.
      const closedAt = a.closedAt ?? a.updatedAt;
      return since !== null && closedAt.getTime() > since.getTime();
    })
    .map((a) => ({ ...actionView(a), fromPreviousRound: a.roundId !== round.id }));
}
