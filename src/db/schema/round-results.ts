import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { rounds } from "./rounds";

/**
 * A closed round's scores, computed once when it closes and never again (a closed round never
 * changes). Holds the unrounded scores, respondent scores included, for the next round's change.
 */
export const roundResults = sqliteTable("round_results", {
  roundId: text("round_id")
    .primaryKey()
    .references(() => rounds.id, { onDelete: "cascade" }),
  // FrozenResults (src/results/freeze.ts) as JSON.
  scores: text("scores", { mode: "json" }).notNull(),
  computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
});
