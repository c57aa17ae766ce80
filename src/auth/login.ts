import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { users } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { findUserByEmail, userView } from "../users/service";
import { DECOY_HASH, hashPassword, verifyPassword } from "./passwords";
import { createSession, endAllSessions } from "./sessions";
import { revokeAllApiTokens } from "./tokens";

/** After this many wrong passwords in a row the account waits LOCK_MINUTES; never for ever. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const wrongCredentials = () => new AppError("unauthorized", "The email or password is not right");

function lockedError(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError("rate_limited", `Too many wrong passwords; try again in ${Math.ceil(seconds / 60)} minutes`, {
    retryAfterSeconds: seconds,
  });
}

/**
 * Claims one of the lock window's MAX_FAILED_LOGINS password checks for an account, in one
 * statement, before the (slow) password check: requests arriving together each see the count the
 * one before them left, so no more than MAX_FAILED_LOGINS passwords are ever checked per window.
 * The claim that spends the last check starts the lock at once; a right password lifts it again.
 * Throws the lock error when the budget is spent.
 */
function claimCheck(db: Db, userId: string, now: Date): void {
  const at = now.getTime();
  const lockEnds = at + LOCK_MINUTES * 60_000;
  // A lock that has run out starts a fresh window: this claim is its first.
  const expired = sql`(${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} <= ${at})`;
  const claimed = db
    .update(users)
    .set({
      failedLogins: sql`CASE WHEN ${expired} THEN 1 ELSE ${users.failedLogins} + 1 END`,
      lockedUntil: sql`CASE
        WHEN (CASE WHEN ${expired} THEN 1 ELSE ${users.failedLogins} + 1 END) >= ${MAX_FAILED_LOGINS} THEN ${lockEnds}
        WHEN ${expired} THEN NULL
        ELSE ${users.lockedUntil} END`,
    })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({ id: users.id })
    .get();
  if (claimed) return;
  const row = db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId)).get();
  throw lockedError(row?.lockedUntil ?? new Date(lockEnds), now);
}

/**
 * Wrong passwords for emails that have no account, counted in memory (one per app) exactly like
 * an account's, so that a lockout does not tell anyone which emails have an account.
 */
export type UnknownEmailFailures = Map<string, { failures: number; lockedUntil: number }>;

/** An empty count of wrong passwords for unknown emails, for a new app. */
export const unknownEmailFailures = (): UnknownEmailFailures => new Map();

/** claimCheck for an email without an account (synchronous, so claims cannot interleave either). */
function claimPhantomCheck(byEmail: UnknownEmailFailures, email: string, now: Date): void {
  const at = now.getTime();
  const entry = byEmail.get(email) ?? { failures: 0, lockedUntil: 0 };
  if (entry.lockedUntil > at) throw lockedError(new Date(entry.lockedUntil), now);
  if (entry.lockedUntil > 0) Object.assign(entry, { failures: 0, lockedUntil: 0 });
  entry.failures += 1;
  if (entry.failures >= MAX_FAILED_LOGINS) entry.lockedUntil = at + LOCK_MINUTES * 60_000;
  // Bounded: a scan of many made-up emails must not grow memory for ever.
  if (byEmail.size > 10_000) byEmail.clear();
  byEmail.set(email, entry);
}

/** Checks a password and starts a session. */
export async function login(
  deps: { db: Db; clock: Clock; unknownEmails: UnknownEmailFailures; checkPassword?: typeof verifyPassword },
  input: { email: string; password: string },
) {
  const { db, clock } = deps;
  const check = deps.checkPassword ?? verifyPassword;
  const user = findUserByEmail(db, input.email);
  if (!user) {
    claimPhantomCheck(deps.unknownEmails, input.email.toLowerCase(), clock.now());
    await check(DECOY_HASH, input.password);
    throw wrongCredentials();
  }
  claimCheck(db, user.id, clock.now());
  const ok = await check(user.passwordHash, input.password);
  if (!ok) throw wrongCredentials();
  // The right password: the claimed check was no failure, and the count starts afresh.
  db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id)).run();
  if (!user.active) throw wrongCredentials();
  const session = createSession(db, clock, user.id);
  return { user: userView(user), ...session };
}

/**
 * Changes one's own password after checking the current one; ends every session (the caller signs
 * in again) and revokes every API token, which may have leaked with the old password.
 */
export async function changePassword(deps: { db: Db; clock: Clock }, userId: string, input: { current: string; new: string }) {
  const { db, clock } = deps;
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user || !(await verifyPassword(user.passwordHash, input.current))) {
    throw new AppError("invalid_input", "current: the current password is not right", {
      details: [{ field: "current", message: "is not right" }],
    });
  }
  db.update(users)
    .set({ passwordHash: await hashPassword(input.new) })
    .where(eq(users.id, userId))
    .run();
  endAllSessions(db, userId);
  revokeAllApiTokens(db, clock, userId);
}
