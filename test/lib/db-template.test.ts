import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/lib/db";
import { createTestApp, migratedTemplate } from "../support/app";

// Test apps start from a copy of one migrated database (test/support/app.ts): it must be what
// openDatabase makes of a new file, or every test would run against a different schema.
describe("the test apps' migrated template", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const schemaOf = (db: ReturnType<typeof openDatabase>) => ({
    objects: db.$client.prepare("select type, name, tbl_name, sql from sqlite_master order by type, name").all(),
    migrations: db.$client.prepare("select hash, created_at from __drizzle_migrations order by id").all(),
    pageCount: db.$client.pragma("page_count", { simple: true }),
    journal: db.$client.pragma("journal_mode", { simple: true }),
  });

  it("has the schema, migrations, size and journal of a newly migrated file", () => {
    const dir = mkdtempSync(join(tmpdir(), "netmirror-fresh-"));
    dirs.push(dir);
    const fresh = openDatabase(join(dir, "fresh.db"));
    const t = createTestApp();
    try {
      expect(schemaOf(t.db)).toEqual(schemaOf(fresh));
      expect((schemaOf(fresh).migrations as unknown[]).length).toBeGreaterThan(10);
    } finally {
      fresh.$client.close();
    }
  });

  it("is copied, not shared: each app's file is its own, readable by its owner only", () => {
    const a = createTestApp();
    const b = createTestApp();
    a.db.$client.exec("create table only_in_a (x)");
    expect(b.db.$client.prepare("select name from sqlite_master where name = 'only_in_a'").get()).toBeUndefined();
    expect(statSync(join(a.dir, "test.db")).mode & 0o777).toBe(0o600);
    expect(statSync(migratedTemplate()).size).toBeGreaterThan(0);
  });
});
