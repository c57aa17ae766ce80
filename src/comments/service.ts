import { and, asc, count, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { RoundRow } from "../db/schema";
import { type CommentStatus, comments } from "../db/schema";
import { recordAudit } from "../lib/audit";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { frozenSummary } from "../results/frozen";

type CommentRow = typeof comments.$inferSelect;

export interface CommentView {
  id: string;
  theme: string;
  text: string;
  status: CommentStatus;
}

const view = (row: CommentRow): CommentView => ({ id: row.id, theme: row.theme, text: row.text, status: row.status });

/**
 * Comments are reviewed only once the round has closed (while it is open, a new comment could be
 * tied to whoever just said they had answered), and never for a suppressed round.
 */
export function assertCommentsReviewable(db: Db, round: RoundRow): void {
  if (round.status !== "closed") throw new AppError("not_ready", "Comments are available when the round closes");
  if (frozenSummary(db, round.id)?.suppressed) {
    throw new AppError("conflict", "This round had too few responses to show anything, comments included");
  }
}

/** A round's comments in theme order, for the facilitator's review. */
export function listComments(db: Db, round: RoundRow): CommentView[] {
  assertCommentsReviewable(db, round);
  // Ordered by theme, then by id: random ids, so the order says nothing about who wrote first.
  return db.select().from(comments).where(eq(comments.roundId, round.id)).orderBy(asc(comments.theme), asc(comments.id)).all().map(view);
}

/** Released comments of a round (what reports show), and how many were not shown. */
export function releasedComments(db: Db, roundId: string): { comments: CommentView[]; withheld: number } {
  const released = db
    .select()
    .from(comments)
    .where(and(eq(comments.roundId, roundId), eq(comments.status, "released")))
    .orderBy(asc(comments.theme), asc(comments.id))
    .all()
    .map(view);
  const total = db.select({ n: count() }).from(comments).where(eq(comments.roundId, roundId)).get()?.n ?? 0;
  return { comments: released, withheld: total - released.length };
}

/** Releases every pending comment of a round. */
export function releaseAll(deps: { db: Db; clock: Clock }, actor: Actor, round: RoundRow): CommentView[] {
  const { db, clock } = deps;
  assertCommentsReviewable(db, round);
  const result = db
    .update(comments)
    .set({ status: "released" })
    .where(and(eq(comments.roundId, round.id), eq(comments.status, "pending")))
    .run();
  recordAudit(db, clock, {
    userId: actor.userId,
    action: "comments.release_all",
    targetType: "round",
    targetId: round.id,
    detail: { count: result.changes },
  });
  return listComments(db, round);
}

export function findComment(db: Db, commentId: string): CommentRow | undefined {
  return db.select().from(comments).where(eq(comments.id, commentId)).get();
}

/** Hides or releases one comment. */
export function setCommentStatus(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  round: RoundRow,
  comment: CommentRow,
  status: "released" | "hidden",
): CommentView {
  const { db, clock } = deps;
  assertCommentsReviewable(db, round);
  const row = db.update(comments).set({ status }).where(eq(comments.id, comment.id)).returning().get();
  recordAudit(db, clock, {
    userId: actor.userId,
    action: `comment.${status === "hidden" ? "hide" : "release"}`,
    targetType: "comment",
    targetId: comment.id,
  });
  return view(row);
}
