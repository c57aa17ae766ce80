import { eq } from "drizzle-orm";
import { users } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { findUserByEmail, userView } from "../users/service";
import { decoyHash, hashPassword, verifyPassword } from "./passwords";
import { createSession, endAllSessions } from "./sessions";

/** After this many wrong passwords in a row the account waits LOCK_MINUTES; never for ever. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const wrongCredentials = () => new AppError("unauthorized", "The email or password is not right");

function lockedError(until: Date, now: Date): AppError {
  const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
  return new AppError("rate_limited", `Too many wrong passwords; try again in ${Math.ceil(seconds / 60)} minutes`, {
    retryAfterSeconds: seconds,
  });
}

/**
 * Wrong passwords for emails that have no account, counted in memory (per database) exactly like
 * an account's, so that a lockout does not tell anyone which emails have an account.
 */
const phantomFailures = new WeakMap<Db, Map<string, { failures: number; lockedUntil: number }>>();

function phantomAttempt(db: Db, clock: Clock, email: string): AppError {
  const byEmail = phantomFailures.get(db) ?? new Map();
  phantomFailures.set(db, byEmail);
  const now = clock.now();
  const entry = byEmail.get(email) ?? { failures: 0, lockedUntil: 0 };
  if (entry.lockedUntil > now.getTime()) return lockedError(new Date(entry.lockedUntil), now);
  entry.failures += 1;
  if (entry.failures >= MAX_FAILED_LOGINS) Object.assign(entry, { failures: 0, lockedUntil: now.getTime() + LOCK_MINUTES * 60_000 });
  // Bounded: a scan of many made-up emails must not grow memory for ever.
  if (byEmail.size > 10_000) byEmail.clear();
  byEmail.set(email, entry);
  return wrongCredentials();
}

/** Checks a password and starts a session. */
export async function login(deps: { db: Db; clock: Clock }, input: { email: string; password: string }) {
  const { db, clock } = deps;
  const user = findUserByEmail(db, input.email);
  if (!user) {
    await verifyPassword(await decoyHash(), input.password);
    throw phantomAttempt(db, clock, input.email.toLowerCase());
  }
  const now = clock.now();
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil, now);
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok || !user.active) {
    if (!ok) registerFailure(db, clock, user.id, user.failedLogins + 1);
    throw wrongCredentials();
  }
  if (user.failedLogins > 0) db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id)).run();
  const session = createSession(db, clock, user.id);
  return { user: userView(user), ...session };
}

function registerFailure(db: Db, clock: Clock, userId: string, failures: number) {
  const locked = failures >= MAX_FAILED_LOGINS;
  db.update(users)
    .set({
      failedLogins: locked ? 0 : failures,
      lockedUntil: locked ? new Date(clock.now().getTime() + LOCK_MINUTES * 60_000) : null,
    })
    .where(eq(users.id, userId))
    .run();
}

/** Changes one's own password after checking the current one; ends every session (the caller signs in again). */
export async function changePassword(deps: { db: Db; clock: Clock }, userId: string, input: { current: string; new: string }) {
  const { db } = deps;
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
}
