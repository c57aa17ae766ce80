import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { FrozenResults, RoundSummary } from "../../results/frozen";
import { rounds } from "./rounds";

/**
 * A closed round's scores, computed once when it closes and never again (a closed round never
 * changes). Holds the unrounded scores (each with its n and sd, for the next round's change test),
 * and two small rounded values derived from them for reading.
 */
export const roundResults = sqliteTable("round_results", {
  roundId: text("round_id")
    .primaryKey()
    .references(() => rounds.id, { onDelete: "cascade" }),
  // The results as shown, rounded, with their change (Published): what reading results parses.
  published: text("published", { mode: "json" }).notNull(),
  // The few rounded figures comparisons need (RoundSummary), so that comparing hundreds of
  // networks reads a small value per round instead of parsing every round's full results.
  summary: text("summary", { mode: "json" }).$type<RoundSummary>().notNull(),
  computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
  // The rules the values were worked out under (RESULTS_FORMAT in src/results/freeze.ts). Values
  // frozen under older rules are worked out again at start-up (src/results/republish.ts): a closed
  // round must not keep showing what newer rules hide. Rows from before this column are format 1.
  format: integer("format").notNull().default(1),
  // Last in the row on purpose: SQLite reads a row front to back, so the small values above are
  // read without walking this large one's overflow pages.
  // FrozenResults (src/results/frozen.ts) as JSON.
  scores: text("scores", { mode: "json" }).$type<FrozenResults>().notNull(),
});
