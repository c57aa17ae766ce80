import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Who did what to which network, round or user. Never records anything a respondent sent. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    userId: text("user_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    detail: text("detail", { mode: "json" }),
  },
  // The admin page lists the latest entries; a network page its own.
  (t) => [index("audit_log_target_idx").on(t.targetType, t.targetId, t.at), index("audit_log_at_idx").on(t.at)],
);
