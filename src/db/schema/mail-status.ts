import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Whether the outbox is paused, one row (id 1) shared by every server process on the database: a
 * failure of the whole mail session (sign-in refused, TLS, the server refusing the sender) pauses
 * sending until an administrator resumes it.
 */
export const mailStatus = sqliteTable("mail_status", {
  id: integer("id").primaryKey(),
  pausedAt: integer("paused_at", { mode: "timestamp_ms" }),
  // Plain words for administrators (never a link or a password).
  error: text("error"),
});
