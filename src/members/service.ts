import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { members } from "../db/schema";
import { recordAudit } from "../lib/audit";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError, notFound } from "../lib/errors";
import { newId } from "../lib/ids";
import type { MemberView, NewMemberInput } from "./schemas";

type MemberRow = typeof members.$inferSelect;

export function memberView(row: MemberRow): MemberView {
  return { id: row.id, name: row.name, email: row.email, organisation: row.organisation, createdAt: row.createdAt.toISOString() };
}

export function listMembers(db: Db, networkId: string): MemberView[] {
  return db.select().from(members).where(eq(members.networkId, networkId)).orderBy(asc(members.name)).all().map(memberView);
}

/** Emails already on a network's roster (lower-cased). */
export function rosterEmails(db: Db, networkId: string): Set<string> {
  const rows = db
    .select({ email: members.email })
    .from(members)
    .where(and(eq(members.networkId, networkId), isNotNull(members.email)))
    .all();
  return new Set(rows.map((r) => r.email as string));
}

/**
 * Adds members, all or none. An email already on the roster, or twice in the list, is a 400
 * naming that entry (`members.3.email`).
 */
export function addMembers(deps: { db: Db; clock: Clock }, actor: Actor, networkId: string, input: NewMemberInput[]): MemberView[] {
  const { db, clock } = deps;
  const seen = rosterEmails(db, networkId);
  const details: { field: string; message: string }[] = [];
  input.forEach((m, i) => {
    if (!m.email) return;
    if (seen.has(m.email)) details.push({ field: `members.${i}.email`, message: "is already on the roster" });
    seen.add(m.email);
  });
  if (details.length > 0) throw new AppError("invalid_input", `${details[0]?.field}: ${details[0]?.message}`, { details });
  const now = clock.now();
  const rows = db.transaction((tx) =>
    input.map((m) =>
      tx
        .insert(members)
        .values({ id: newId(), networkId, name: m.name, email: m.email ?? null, organisation: m.organisation ?? "", createdAt: now })
        .returning()
        .get(),
    ),
  );
  recordAudit(db, clock, {
    userId: actor.userId,
    action: "members.add",
    targetType: "network",
    targetId: networkId,
    detail: { count: rows.length },
  });
  return rows.map(memberView);
}

/** Removes a member and, with them, their invitation links; anonymous answers stay. */
export function removeMember(deps: { db: Db; clock: Clock }, actor: Actor, networkId: string, memberId: string): void {
  const { db, clock } = deps;
  const result = db
    .delete(members)
    .where(and(eq(members.id, memberId), eq(members.networkId, networkId)))
    .run();
  if (result.changes === 0) throw notFound("Member");
  recordAudit(db, clock, { userId: actor.userId, action: "member.remove", targetType: "member", targetId: memberId });
}

/** One member of a network, or undefined when the id is not on this network's roster. */
export function findMember(db: Db, networkId: string, memberId: string): MemberView | undefined {
  const row = db
    .select()
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.networkId, networkId)))
    .get();
  return row ? memberView(row) : undefined;
}
