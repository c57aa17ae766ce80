import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "../../src/lib/clock";
import { databaseIsHealthy, openDatabase } from "../../src/lib/db";
import { makeMember, makeNetwork } from "../support/factories";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A path in a fresh temporary directory; `nested` makes openDatabase create the folders. */
function tempFile(nested = "") {
  const dir = mkdtempSync(join(tmpdir(), "netmirror-db-"));
  dirs.push(dir);
  return join(dir, nested, "netmirror.db");
}

const TABLES = [
  "actions",
  "answers",
  "api_tokens",
  "audit_log",
  "comments",
  "grants",
  "invitations",
  "members",
  "networks",
  "responses",
  "rounds",
  "sessions",
  "users",
];

describe("openDatabase", () => {
  it("creates the folder and every table from an empty start", () => {
    const db = openDatabase(tempFile("does/not/exist/yet"));
    const tables = db.$client
      .prepare("select name from sqlite_master where type = 'table'")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(TABLES));
    db.$client.close();
  });

  it("sets WAL, synchronous=FULL, foreign keys and a busy timeout", () => {
    const db = openDatabase(tempFile());
    const pragma = (name: string) => db.$client.pragma(name, { simple: true });
    expect(pragma("journal_mode")).toBe("wal");
    expect(pragma("synchronous")).toBe(2); // FULL
    expect(pragma("foreign_keys")).toBe(1);
    expect(pragma("busy_timeout")).toBeGreaterThanOrEqual(1000);
    db.$client.close();
  });

  it("opens an existing database again without re-applying migrations or losing data", () => {
    const file = tempFile();
    const clock = manualClock();
    const first = openDatabase(file);
    const network = makeNetwork({ db: first, clock }, { name: "Coastal Care Network" });
    const applied = first.$client.prepare("select count(*) as n from __drizzle_migrations").get();
    first.$client.close();

    const again = openDatabase(file);
    expect(again.$client.prepare("select count(*) as n from __drizzle_migrations").get()).toEqual(applied);
    expect(again.$client.prepare("select name from networks where id = ?").get(network.id)).toEqual({ name: "Coastal Care Network" });
    again.$client.close();
  });

  it("enforces foreign keys: a member of a network that does not exist is refused", () => {
    const db = openDatabase(tempFile());
    expect(() => makeMember({ db, clock: manualClock() }, "no-such-network")).toThrow(/FOREIGN KEY/);
    db.$client.close();
  });

  it("reports health while open and not after closing", () => {
    const db = openDatabase(tempFile());
    expect(databaseIsHealthy(db)).toBe(true);
    db.$client.close();
    expect(databaseIsHealthy(db)).toBe(false);
  });
});
