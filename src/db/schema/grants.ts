import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { networks } from "./networks";
import { users } from "./users";

export const GRANT_ROLES = ["facilitator", "commissioner"] as const;
export type GrantRole = (typeof GRANT_ROLES)[number];

export const grants = sqliteTable(
  "grants",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: GRANT_ROLES }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    // One grant per person per network; the access check looks it up by this pair.
    uniqueIndex("grants_network_user_idx").on(t.networkId, t.userId),
    // "Networks I may see" on the home page and the commissioner's portfolio.
    index("grants_user_idx").on(t.userId),
  ],
);
