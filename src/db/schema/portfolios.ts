import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/**
 * A commissioner's portfolio: the networks they may see (their grants; every network for an
 * administrator), under a name they choose, and whether its networks' mirror reports show the
 * portfolio average beside their own scores (the benchmark, frozen when each round closes).
 */
export const portfolios = sqliteTable("portfolios", {
  // One portfolio per person: its networks are whatever that person may see.
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  benchmark: integer("benchmark", { mode: "boolean" }).notNull().default(false),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export type PortfolioRow = typeof portfolios.$inferSelect;
