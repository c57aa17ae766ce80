// A database file as an older netmirror left it: migrated up to a given migration only, so that a
// test can put old rows in it and check what upgrading does to them.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterThisTest } from "./cleanup";

const MIGRATIONS = new URL("../../migrations/", import.meta.url);

type Journal = { entries: { idx: number; tag: string }[] };

function journal(): Journal {
  return JSON.parse(readFileSync(new URL("meta/_journal.json", MIGRATIONS), "utf8")) as Journal;
}

/** The path of a new database file migrated up to and including migration `last` (removed after the test). */
export function databaseAt(last: number): string {
  const all = journal();
  const entries = all.entries.filter((e) => e.idx <= last);
  const dir = mkdtempSync(join(tmpdir(), "netmirror-old-"));
  afterThisTest(() => rmSync(dir, { recursive: true, force: true }));
  const folder = join(dir, "migrations");
  mkdirSync(join(folder, "meta"), { recursive: true });
  writeFileSync(join(folder, "meta", "_journal.json"), JSON.stringify({ ...all, entries }));
  for (const entry of entries) copyFileSync(new URL(`${entry.tag}.sql`, MIGRATIONS), join(folder, `${entry.tag}.sql`));
  const file = join(dir, "old.db");
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  sqlite.close();
  return file;
}

/** A database file migrated up to the migration before the one tagged `*_<tag>`: renumbering cannot break it. */
export function databaseBefore(tag: string): string {
  const target = journal().entries.find((e) => e.tag.endsWith(`_${tag}`));
  if (!target) throw new Error(`no migration ${tag}`);
  return databaseAt(target.idx - 1);
}
