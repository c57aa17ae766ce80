import { and, eq, gt } from "drizzle-orm";
import { sessions, users } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { hashToken, newId, newToken } from "../lib/ids";
import type { Actor } from "./actor";

export const SESSION_COOKIE = "nm_session";
/** A session lasts a working day and a bit; then the facilitator signs in again. */
export const SESSION_HOURS = 12;

/** Starts a session and returns the secret for the cookie (stored only as its hash). */
export function createSession(db: Db, clock: Clock, userId: string): { token: string; expiresAt: Date } {
  const token = newToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  db.insert(sessions)
    .values({ id: newId(), tokenHash: hashToken(token), userId, createdAt: now, expiresAt })
    .run();
  return { token, expiresAt };
}

/** The actor behind a session cookie, if the session is live and its user active. */
export function actorFromSession(db: Db, clock: Clock, token: string): Actor | null {
  const row = db
    .select({ sessionId: sessions.id, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, clock.now())))
    .get();
  if (!row?.user.active) return null;
  const { user } = row;
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via: "session", sessionId: row.sessionId };
}

export function endSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user (deactivation, password change or reset). */
export function endAllSessions(db: Db, userId: string): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
