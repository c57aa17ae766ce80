import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { responses } from "./responses";
import { rounds } from "./rounds";

/**
 * One response's marks on one dimension of the maturity matrix: where the network is now
 * (`current`) and where it should be in a year (`target`). 1–4 are the levels (Emerging …
 * Thriving), 0 is "don't know" (DONT_KNOW, as for statements), null is not answered. Stored with the
 * response, like its answers (WITHOUT ROWID, see the migration).
 */
export const maturityAnswers = sqliteTable(
  "maturity_answers",
  {
    responseId: text("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    // Repeated from the response so that a round's distributions need no join.
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    dimension: text("dimension").notNull(),
    current: integer("current"),
    target: integer("target"),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.dimension] }), index("maturity_answers_round_idx").on(t.roundId, t.dimension)],
);
