import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { rounds } from "./rounds";
import { users } from "./users";

/**
 * A round's email: who it is from, and the counts kept when its outbox is emptied at close (the
 * messages themselves go then).
 */
export const emailRounds = sqliteTable("email_rounds", {
  roundId: text("round_id")
    .primaryKey()
    .references(() => rounds.id, { onDelete: "cascade" }),
  // The facilitator who sent the invitations: scheduled reminders are from them too.
  senderId: text("sender_id").references(() => users.id, { onDelete: "set null" }),
  sent: integer("sent").notNull().default(0),
  failed: integer("failed").notNull().default(0),
  bounced: integer("bounced").notNull().default(0),
  // Messages still waiting when the round closed are counted as cancelled.
  cancelled: integer("cancelled").notNull().default(0),
});
