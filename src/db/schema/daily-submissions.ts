import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { rounds } from "./rounds";

/**
 * How many responses a round received per day, kept beside the invitations and counted up in the
 * submission's transaction. Responses themselves carry no time at all: the progress chart reads
 * these counts instead.
 */
export const dailySubmissions = sqliteTable(
  "daily_submissions",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    // The calendar day, as the round's progress shows it (e.g. "2026-03-02").
    day: text("day").notNull(),
    submitted: integer("submitted").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.day] })],
);
