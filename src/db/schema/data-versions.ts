import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * A counter per kind of derived data, raised by triggers (see migrations/0013_data_versions.sql)
 * whenever a table that data is worked out from changes. A reader that keeps the derived data in
 * memory compares one number instead of reading everything again; no code path can forget to
 * raise it, because the database does. Rows: `portfolio` (networks, grants, closed rounds and their
 * round_figures).
 */
export const dataVersions = sqliteTable("data_versions", {
  name: text("name").primaryKey(),
  version: integer("version").notNull().default(0),
});
