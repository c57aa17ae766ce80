import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { rounds } from "./rounds";

/**
 * One submitted questionnaire. Holds no token, invitation, member, address or user agent, and no
 * time finer than the day. The table is WITHOUT ROWID (see the migration) so that not even SQLite's
 * hidden row number records the order of submission.
 */
export const responses = sqliteTable(
  "responses",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    submittedOn: text("submitted_on").notNull(),
    overall: integer("overall"),
    trend: text("trend"),
    involvement: text("involvement"),
    organisationType: text("organisation_type"),
    professionalGroup: text("professional_group"),
  },
  // Counting and scoring a round's responses; progress per day.
  (t) => [index("responses_round_idx").on(t.roundId, t.submittedOn)],
);
