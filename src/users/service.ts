import { and, asc, eq } from "drizzle-orm";
import { hashPassword } from "../auth/passwords";
import { endAllSessions } from "../auth/sessions";
import { revokeAllApiTokens } from "../auth/tokens";
import { grants, users } from "../db/schema";
import { recordAudit } from "../lib/audit";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError, invalidField, notFound } from "../lib/errors";
import { newId } from "../lib/ids";
import type { CreateUserInput, UpdateUserInput, UserView } from "./schemas";

type UserRow = typeof users.$inferSelect;

export function userView(row: UserRow): UserView {
  return { id: row.id, email: row.email, name: row.name, role: row.role, active: row.active, createdAt: row.createdAt.toISOString() };
}

export function findUserByEmail(db: Db, email: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

const emailTaken = () =>
  new AppError("conflict", "A user with this email already exists", { details: [{ field: "email", message: "is already in use" }] });

/** Creates a user; 409 when the email is taken. */
export async function createUser(deps: { db: Db; clock: Clock }, input: CreateUserInput, byUserId?: string): Promise<UserView> {
  const { db, clock } = deps;
  if (findUserByEmail(db, input.email)) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  let row: UserRow;
  try {
    row = db
      .insert(users)
      .values({ id: newId(), email: input.email, name: input.name, role: input.role, passwordHash, createdAt: clock.now() })
      .returning()
      .get();
  } catch (err) {
    // Two admins adding the same person at once: the unique index decides, the loser gets a 409.
    if (err instanceof Error && "code" in err && err.code === "SQLITE_CONSTRAINT_UNIQUE") throw emailTaken();
    throw err;
  }
  recordAudit(db, clock, { userId: byUserId, action: "user.create", targetType: "user", targetId: row.id, detail: { role: row.role } });
  return userView(row);
}

export function listUsers(db: Db): UserView[] {
  return db.select().from(users).orderBy(asc(users.name)).all().map(userView);
}

/**
 * Changes a user (admin). Deactivating or resetting the password ends their sessions at once and
 * revokes their API tokens for good: reactivating someone must not bring back a token that may have
 * leaked while they were away, and a reset password means the old one (and what it opened) leaked.
 */
export async function updateUser(
  deps: { db: Db; clock: Clock },
  userId: string,
  input: UpdateUserInput,
  byUserId: string,
): Promise<UserView> {
  const { db, clock } = deps;
  const existing = db.select().from(users).where(eq(users.id, userId)).get();
  if (!existing) throw notFound("User");
  // Nothing to change (PATCH {}): answer with the user as they are; drizzle refuses an empty update.
  if (Object.keys(input).length === 0) return userView(existing);
  if (input.role === "commissioner" && existing.role !== "commissioner") {
    const facilitating = db
      .select()
      .from(grants)
      .where(and(eq(grants.userId, userId), eq(grants.role, "facilitator")))
      .get();
    if (facilitating) throw invalidField("role", "this user facilitates a network; remove those grants before making them a commissioner");
  }
  // An administrator who locks themself out may leave nobody able to run the service.
  if (userId === byUserId && input.active === false) {
    throw new AppError("conflict", "You cannot deactivate your own account: ask another administrator to do it", {
      details: [{ field: "active", message: "cannot be turned off for your own account" }],
    });
  }
  if (userId === byUserId && input.role && input.role !== "admin") {
    throw new AppError("conflict", "You cannot remove your own administrator role: ask another administrator to do it", {
      details: [{ field: "role", message: "cannot be changed for your own account" }],
    });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  // The update, ending sessions and tokens, and the audit entry stand or fall together.
  // better-sqlite3 is synchronous: every statement below runs inside this one transaction.
  const row = db.transaction((tx) => {
    const updated = tx
      .update(users)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
      })
      .where(eq(users.id, userId))
      .returning()
      .get();
    if (input.active === false || passwordHash) {
      endAllSessions(db, userId);
      revokeAllApiTokens(db, clock, userId);
    }
    recordAudit(db, clock, {
      userId: byUserId,
      action: "user.update",
      targetType: "user",
      targetId: userId,
      detail: {
        fields: Object.keys(input)
          .filter((k) => k !== "password")
          .concat(passwordHash ? ["password reset"] : []),
      },
    });
    return updated;
  });
  return userView(row);
}
