import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { grants, users } from "../db/schema";
import { recordAudit } from "../lib/audit";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError, invalidField, notFound } from "../lib/errors";
import { newId } from "../lib/ids";
import type { CreateGrantInput, GrantView } from "./schemas";

function grantRows(db: Db, networkId: string) {
  return db
    .select({ id: grants.id, userId: users.id, email: users.email, name: users.name, role: grants.role, createdAt: grants.createdAt })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(eq(grants.networkId, networkId))
    .orderBy(asc(users.name));
}

export function listGrants(db: Db, networkId: string): GrantView[] {
  return grantRows(db, networkId)
    .all()
    .map((g) => ({ ...g, createdAt: g.createdAt.toISOString() }));
}

/**
 * Gives a colleague (facilitator) or a commissioner access to a network. A commissioner user can
 * only receive commissioner grants.
 */
export function createGrant(deps: { db: Db; clock: Clock }, actor: Actor, networkId: string, input: CreateGrantInput): GrantView {
  const { db, clock } = deps;
  const field = input.email ? "email" : "userId";
  const user = input.email
    ? db.select().from(users).where(eq(users.email, input.email)).get()
    : db
        .select()
        .from(users)
        .where(eq(users.id, input.userId ?? ""))
        .get();
  if (!user) throw invalidField(field, "there is no netmirror account for this person; ask an administrator to create one");
  if (!user.active) throw invalidField(field, "this account is deactivated");
  if (user.role === "commissioner" && input.role !== "commissioner")
    throw invalidField("role", "a commissioner can only be given commissioner access");
  const existing = db
    .select()
    .from(grants)
    .where(and(eq(grants.networkId, networkId), eq(grants.userId, user.id)))
    .get();
  if (existing) throw new AppError("conflict", `${user.name} already has ${existing.role} access to this network`);
  const id = newId();
  db.insert(grants).values({ id, networkId, userId: user.id, role: input.role, createdAt: clock.now() }).run();
  recordAudit(db, clock, {
    userId: actor.userId,
    action: "grant.create",
    targetType: "network",
    targetId: networkId,
    detail: { grantee: user.id, role: input.role },
  });
  const view = listGrants(db, networkId).find((g) => g.id === id);
  if (!view) throw notFound("Grant");
  return view;
}

export function deleteGrant(deps: { db: Db; clock: Clock }, actor: Actor, networkId: string, grantId: string): void {
  const { db, clock } = deps;
  const result = db
    .delete(grants)
    .where(and(eq(grants.id, grantId), eq(grants.networkId, networkId)))
    .run();
  if (result.changes === 0) throw notFound("Grant");
  recordAudit(db, clock, { userId: actor.userId, action: "grant.delete", targetType: "network", targetId: networkId, detail: { grantId } });
}
