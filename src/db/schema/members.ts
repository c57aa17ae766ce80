import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { networks } from "./networks";

export const members = sqliteTable(
  "members",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // Lower-cased; optional because some members are reached by a link handed out at a meeting.
    email: text("email"),
    organisation: text("organisation").notNull().default(""),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    // The roster page lists a network's members.
    index("members_network_idx").on(t.networkId),
    // Duplicates are found by email within a network (roster import).
    uniqueIndex("members_network_email_idx").on(t.networkId, t.email).where(sql`${t.email} is not null`),
  ],
);
