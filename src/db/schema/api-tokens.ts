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
  },
  // Listing a user's own tokens.
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);
