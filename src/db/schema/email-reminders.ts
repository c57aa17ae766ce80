import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { rounds } from "./rounds";

/**
 * A round's reminders: when each is due and whether it was queued. At most three per round; the
 * worker queues a due one for every member who has not submitted, unsubscribed or bounced.
 */
export const emailReminders = sqliteTable(
  "email_reminders",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    queuedAt: integer("queued_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.number] })],
);
