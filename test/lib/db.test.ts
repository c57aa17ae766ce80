import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "../../src/lib/clock";
import { ConfigError } from "../../src/lib/config";
import { databaseIsHealthy, openDatabase } from "../../src/lib/db";
import { seal } from "../../src/lib/sealing";
import { pendingContext } from "../../src/lib/secrets";
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
  "daily_submissions",
  "grants",
  "invitations",
  "members",
  "networks",
  "pending_responses",
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

const mode = (path: string) => statSync(path).mode & 0o777;

/** A database with one round holding one sealed pending row, sealed with the key of `secretsDir`. */
function withPendingRow(file: string, secretsDir: string): void {
  const db = openDatabase(file, { secretsDir });
  const clock = manualClock();
  const network = makeNetwork({ db, clock });
  db.$client
    .prepare(
      "insert into rounds (id, network_id, title, instrument_id, instrument_version, status, created_at) values ('r1', ?, 'R', 'core', 1, 'open', 0)",
    )
    .run(network.id);
  db.$client
    .prepare("insert into pending_responses (round_id, sealed) values ('r1', ?)")
    .run(seal(db.$sealKey, Buffer.alloc(8), pendingContext("r1")));
  db.$client.close();
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("files only their owner can read", () => {
  it("creates the data folder 0700, the database and its WAL 0600, and the key 0600 in a 0700 folder", () => {
    const file = tempFile("data");
    const secretsDir = join(file, "..", "..", "secrets");
    const db = openDatabase(file, { secretsDir });
    makeNetwork({ db, clock: manualClock() });
    expect(mode(join(file, ".."))).toBe(0o700);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path), path).toBe(0o600);
    expect(mode(secretsDir)).toBe(0o700);
    expect(mode(join(secretsDir, "netmirror.key"))).toBe(0o600);
    db.$client.close();
  });

  it("tightens a database file made before", () => {
    const file = tempFile();
    writeFileSync(file, "", { mode: 0o644 });
    openDatabase(file).$client.close();
    expect(mode(file)).toBe(0o600);
  });
});

describe("the key of SECRETS_DIR", () => {
  it("is made at first start and kept: a database reopened with it still opens its sealed rows", () => {
    const file = tempFile();
    const secretsDir = join(file, "..", "secrets");
    withPendingRow(file, secretsDir);
    const again = openDatabase(file, { secretsDir });
    expect(again.$client.prepare("select count(*) from pending_responses").pluck().get()).toBe(1);
    again.$client.close();
  });

  it("stops start-up with one line when sealed rows exist and the key is missing", () => {
    const file = tempFile();
    const secretsDir = join(file, "..", "secrets");
    withPendingRow(file, secretsDir);
    rmSync(secretsDir, { recursive: true });
    const err = configError(() => openDatabase(file, { secretsDir }));
    expect(err.message).toMatch(
      /^Invalid SECRETS_DIR: .*netmirror\.key is missing but the database holds 1 sealed response; restore the key/,
    );
    expect(err.message).not.toContain("\n");
    // No new key was made in its place: restoring the old one must still be possible.
    expect(existsSync(secretsDir)).toBe(false);
    expect(() => openDatabase(file)).toThrow(ConfigError);
  });

  it("stops start-up when the key does not open the sealed rows", () => {
    const file = tempFile();
    const secretsDir = join(file, "..", "secrets");
    withPendingRow(file, secretsDir);
    writeFileSync(join(secretsDir, "netmirror.key"), `${Buffer.alloc(32, 7).toString("base64")}\n`);
    expect(configError(() => openDatabase(file, { secretsDir })).message).toMatch(/^Invalid SECRETS_DIR: its key does not open/);
  });
});
