import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { apiTokens, users } from "../db/schema";
import type { Clock } from "../lib/clock";
import { dayOf } from "../lib/clock";
import type { Db } from "../lib/db";
import { notFound } from "../lib/errors";
import { hashToken, newId, newToken } from "../lib/ids";
import type { Actor } from "./actor";

/** Personal API tokens start with this, so that a leaked one is easy to recognise and revoke. */
export const TOKEN_PREFIX = "nm_";

/** The lifetimes a token may be given, in days; the default is TOKEN_DAYS_DEFAULT. */
export const TOKEN_DAYS = [7, 30, 90, 365] as const;
export type TokenDays = (typeof TOKEN_DAYS)[number];
export const TOKEN_DAYS_DEFAULT: TokenDays = 90;

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastUsedOn: string | null;
  revoked: boolean;
  expired: boolean;
}

function view(row: typeof apiTokens.$inferSelect, now: Date): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedOn: row.lastUsedOn,
    revoked: row.revokedAt !== null,
    expired: row.expiresAt <= now,
  };
}

/** Creates a token that works for `expiresInDays`; the secret is returned this once and stored only as its hash. */
export function createApiToken(db: Db, clock: Clock, userId: string, name: string, expiresInDays: TokenDays = TOKEN_DAYS_DEFAULT) {
  const token = newToken(TOKEN_PREFIX);
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + expiresInDays * 86_400_000);
  const row = db
    .insert(apiTokens)
    .values({ id: newId(), userId, name, tokenHash: hashToken(token), createdAt: now, expiresAt })
    .returning()
    .get();
  return { ...view(row, now), token };
}

export function listApiTokens(db: Db, clock: Clock, userId: string): ApiTokenView[] {
  const now = clock.now();
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt))
    .all()
    .map((row) => view(row, now));
}

export function revokeApiToken(db: Db, clock: Clock, userId: string, tokenId: string): void {
  const result = db
    .update(apiTokens)
    .set({ revokedAt: clock.now() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run();
  if (result.changes === 0) throw notFound("Token");
}

/** Revokes every live token of a user: on deactivation, a password change or a reset. */
export function revokeAllApiTokens(db: Db, clock: Clock, userId: string): void {
  db.update(apiTokens)
    .set({ revokedAt: clock.now() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run();
}

/** The actor behind a bearer token, if it is unrevoked, unexpired and its user active. */
export function actorFromApiToken(db: Db, clock: Clock, token: string): Actor | null {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const now = clock.now();
  const row = db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)))
    .get();
  if (!row?.user.active) return null;
  const today = dayOf(now);
  if (row.token.lastUsedOn !== today) {
    db.update(apiTokens).set({ lastUsedOn: today }).where(eq(apiTokens.id, row.token.id)).run();
  }
  const { user } = row;
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via: "token" };
}
