import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { responses } from "./responses";
import { rounds } from "./rounds";

/** 0 stands for "don't know"; 1–5 for the agreement scale. */
export const DONT_KNOW = 0;

/** One rated statement of a response (WITHOUT ROWID, like responses). */
export const answers = sqliteTable(
  "answers",
  {
    responseId: text("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    // Repeated from the response so that per-item counts need no join.
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    itemCode: text("item_code").notNull(),
    value: integer("value").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.itemCode] }),
    // Covering index for per-item distributions of a round (GROUP BY item, value).
    index("answers_round_item_value_idx").on(t.roundId, t.itemCode, t.value),
  ],
);
