import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { type ActionStatus, actions, rounds } from "../db/schema";
import { recordAudit } from "../lib/audit";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError, invalidField } from "../lib/errors";
import { newId } from "../lib/ids";
import type { ActionView, CreateActionInput, UpdateActionInput } from "./schemas";

type ActionRow = typeof actions.$inferSelect;

export function actionView(row: ActionRow): ActionView {
  return {
    ...row,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const isClosed = (status: ActionStatus) => status === "done" || status === "dropped";

/** Records an action agreed at the meeting about a closed round of this network. */
export function createAction(deps: { db: Db; clock: Clock }, actor: Actor, networkId: string, input: CreateActionInput): ActionView {
  const { db, clock } = deps;
  const round = db
    .select()
    .from(rounds)
    .where(and(eq(rounds.id, input.roundId), eq(rounds.networkId, networkId)))
    .get();
  if (!round) throw invalidField("roundId", "is not a round of this network");
  if (round.status !== "closed") throw new AppError("conflict", "Actions are agreed after a round closes, at the meeting about its report");
  const now = clock.now();
  const row = db
    .insert(actions)
    .values({
      id: newId(),
      networkId,
      roundId: round.id,
      title: input.title,
      owner: input.owner || null,
      due: input.due ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  recordAudit(db, clock, { userId: actor.userId, action: "action.create", targetType: "action", targetId: row.id });
  return actionView(row);
}

export function findAction(db: Db, actionId: string): ActionRow | undefined {
  return db.select().from(actions).where(eq(actions.id, actionId)).get();
}

/** Updates an action's status (and note, title, owner, due). */
export function updateAction(deps: { db: Db; clock: Clock }, actor: Actor, row: ActionRow, input: UpdateActionInput): ActionView {
  const { db, clock } = deps;
  if (Object.keys(input).length === 0) return actionView(row);
  const now = clock.now();
  // Closing time moves only when the status crosses between open and closed.
  const closedAt = input.status === undefined ? row.closedAt : isClosed(input.status) ? (row.closedAt ?? now) : null;
  const updated = db
    .update(actions)
    .set({ ...input, closedAt, updatedAt: now })
    .where(eq(actions.id, row.id))
    .returning()
    .get();
  recordAudit(db, clock, {
    userId: actor.userId,
    action: "action.update",
    targetType: "action",
    targetId: row.id,
    detail: { fields: Object.keys(input) },
  });
  return actionView(updated);
}

/** Deletes an action recorded by mistake; the audit log keeps what it said. */
export function deleteAction(deps: { db: Db; clock: Clock }, actor: Actor, row: ActionRow): void {
  const { db, clock } = deps;
  db.delete(actions).where(eq(actions.id, row.id)).run();
  recordAudit(db, clock, {
    userId: actor.userId,
    action: "action.delete",
    targetType: "action",
    targetId: row.id,
    detail: { roundId: row.roundId, title: row.title, status: row.status },
  });
}

export function listNetworkActions(db: Db, networkId: string): ActionView[] {
  return db.select().from(actions).where(eq(actions.networkId, networkId)).orderBy(asc(actions.createdAt)).all().map(actionView);
}
