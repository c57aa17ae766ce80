import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // SHA-256 of the bearer token: the token is shown once, at creation.
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastUsedOn: text("last_used_on"),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    // Chosen at creation (7 to 365 days); a token past it no longer signs anyone in. The default
    // (the epoch) is only there so that SQLite can add the column: a row without one is expired.
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull().default(sql`0`),
  },
  // Listing a user's own tokens.
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);
