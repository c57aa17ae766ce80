import { and, desc, eq, isNull } from "drizzle-orm";
import { apiTokens, users } from "../db/schema";
import type { Clock } from "../lib/clock";
import { dayOf } from "../lib/clock";
import type { Db } from "../lib/db";
import { notFound } from "../lib/errors";
import { hashToken, newId, newToken } from "../lib/ids";
import type { Actor } from "./actor";

/** Personal API tokens start with this, so that a leaked one is easy to recognise and revoke. */
export const TOKEN_PREFIX = "nm_";

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedOn: string | null;
  revoked: boolean;
}

function view(row: typeof apiTokens.$inferSelect): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedOn: row.lastUsedOn,
    revoked: row.revokedAt !== null,
  };
}

/** Creates a token; the secret is returned this once and stored only as its hash. */
export function createApiToken(db: Db, clock: Clock, userId: string, name: string) {
  const token = newToken(TOKEN_PREFIX);
  const row = db
    .insert(apiTokens)
    .values({ id: newId(), userId, name, tokenHash: hashToken(token), createdAt: clock.now() })
    .returning()
    .get();
  return { ...view(row), token };
}

export function listApiTokens(db: Db, userId: string): ApiTokenView[] {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt)).all().map(view);
}

export function revokeApiToken(db: Db, clock: Clock, userId: string, tokenId: string): void {
  const result = db
    .update(apiTokens)
    .set({ revokedAt: clock.now() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run();
  if (result.changes === 0) throw notFound("Token");
}

/** The actor behind a bearer token, if it is unrevoked and its user active. */
export function actorFromApiToken(db: Db, clock: Clock, token: string): Actor | null {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .get();
  if (!row?.user.active) return null;
  const today = dayOf(clock.now());
  if (row.token.lastUsedOn !== today) {
    db.update(apiTokens).set({ lastUsedOn: today }).where(eq(apiTokens.id, row.token.id)).run();
  }
  const { user } = row;
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via: "token" };
}
