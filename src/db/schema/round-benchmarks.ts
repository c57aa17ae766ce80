import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { rounds } from "./rounds";

/** Per theme: the portfolio average as a whole number and how many networks it is of (null: too few networks). */
export type BenchmarkThemes = Record<string, { average: number; networks: number } | null>;

/**
 * The portfolio average a round's mirror report shows beside its scores, frozen when the round
 * closes and never worked out again: two reports made a day apart must not differ by one network.
 */
export const roundBenchmarks = sqliteTable("round_benchmarks", {
  roundId: text("round_id")
    .primaryKey()
    .references(() => rounds.id, { onDelete: "cascade" }),
  // A copy, not a link: the report says the name the portfolio had when the round closed.
  portfolioName: text("portfolio_name").notNull(),
  // Networks with an unsuppressed round in the portfolio when the round closed.
  networks: integer("networks").notNull(),
  themes: text("themes", { mode: "json" }).$type<BenchmarkThemes>().notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});
