import { blob, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { rounds } from "./rounds";

/**
 * The latest mirror report PDF of a closed round, per language. `key` is a hash of everything the
 * report shows that can still change after closing (comments released or hidden, actions, the
 * network's name and stage): a download whose key matches is served without a browser.
 */
export const reportCache = sqliteTable(
  "report_cache",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    lang: text("lang", { enum: ["en", "nl"] }).notNull(),
    key: text("key").notNull(),
    pdf: blob("pdf", { mode: "buffer" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  // A download looks up its round and language: the primary key is that lookup.
  (t) => [primaryKey({ columns: [t.roundId, t.lang] })],
);
