// Tokens made before expiry existed: the migration gives each 90 days from the moment it runs.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/lib/db";

const MIGRATIONS = new URL("../../migrations/", import.meta.url);
const DAY = 86_400_000;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Entry = { idx: number; tag: string };
const journal = () => JSON.parse(readFileSync(new URL("meta/_journal.json", MIGRATIONS), "utf8")) as { entries: Entry[] };

/** A database file migrated up to the migration before the one tagged `*_<tag>`. */
function databaseBefore(tag: string): string {
  const all = journal();
  const target = all.entries.find((e) => e.tag.endsWith(`_${tag}`));
  if (!target) throw new Error(`no migration ${tag}`);
  const dir = mkdtempSync(join(tmpdir(), "netmirror-migrate-"));
  dirs.push(dir);
  const folder = join(dir, "migrations");
  mkdirSync(join(folder, "meta"), { recursive: true });
  const entries = all.entries.filter((e) => e.idx < target.idx);
  writeFileSync(join(folder, "meta", "_journal.json"), JSON.stringify({ ...all, entries }));
  for (const entry of entries) copyFileSync(new URL(`${entry.tag}.sql`, MIGRATIONS), join(folder, `${entry.tag}.sql`));
  const file = join(dir, "old.db");
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  sqlite.close();
  return file;
}

describe("migration api_token_expiry", () => {
  it("gives every existing token an expiry 90 days after the migration, revoked ones included", () => {
    const file = databaseBefore("api_token_expiry");
    const old = new Database(file);
    old.exec(`
      insert into users (id, email, name, role, password_hash, created_at) values ('u1', 'fran@example.org', 'Fran', 'facilitator', 'x', 0);
      insert into api_tokens (id, user_id, name, token_hash, created_at, revoked_at) values
        ('t1', 'u1', 'old script', 'h1', 0, null), ('t2', 'u1', 'revoked one', 'h2', 0, 5);
    `);
    old.close();
    const before = Date.now();
    const db = openDatabase(file);
    const after = Date.now();
    const rows = db.$client.prepare("select id, expires_at, revoked_at from api_tokens order by id").all() as {
      id: string;
      expires_at: number;
      revoked_at: number | null;
    }[];
    db.$client.close();
    expect(rows.map((r) => [r.id, r.revoked_at])).toEqual([
      ["t1", null],
      ["t2", 5],
    ]);
    for (const row of rows) {
      // The migration's clock has whole seconds.
      expect(row.expires_at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 90 * DAY);
      expect(row.expires_at).toBeLessThanOrEqual(after + 90 * DAY);
    }
  });
});
