import type { KeyObject } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../db/schema";
import { ConfigError } from "./config";
import { fromRoot } from "./paths";
import { unseal } from "./sealing";
import { describeSealed, emailTokenContext, ephemeralKey, loadSecretKey, pendingContext, type SealedRows } from "./secrets";

export type Db = BetterSQLite3Database<typeof schema> & {
  $client: Database.Database;
  /** The key that seals pending responses (from SECRETS_DIR, never from the database's folder). */
  $sealKey: KeyObject;
};

const MIGRATIONS = fromRoot("migrations");

export interface OpenOptions {
  /**
   * The folder of the key that seals pending responses (SECRETS_DIR). Without it the key lives only
   * in this process: fine for a database nobody opens again (tests, benchmarks), and refused for one
   * that already holds sealed rows.
   */
  secretsDir?: string;
}

/**
 * Only its owner may read the database: the folder is created 0700 and the file 0600 before SQLite
 * opens it (SQLite gives the -wal and -shm files the database file's mode). An existing folder is
 * left as it is (it may be shared, like /tmp); existing files we own are tightened.
 */
function prepareFiles(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}

const appliedMigrations = (sqlite: Database.Database): number => {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  return table ? (sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n : 0;
};

/**
 * The key for the pending pool and the email links kept for reminders. With sealed rows present it
 * must open them: a wrong or missing key stops start-up with one line rather than failing at the next
 * submission or close, or turning every reminder's link to noise.
 */
function sealKey(sqlite: Database.Database, options: OpenOptions): KeyObject {
  const sealed = sqlite
    .prepare("select (select count(*) from pending_responses) as responses, (select count(*) from email_tokens) as links")
    .get() as SealedRows;
  if (!options.secretsDir) {
    if (sealed.responses + sealed.links > 0)
      throw new ConfigError(`Invalid SECRETS_DIR: not set, but the database holds ${describeSealed(sealed)}`);
    return ephemeralKey();
  }
  const key = loadSecretKey(options.secretsDir, sealed);
  const response = sqlite.prepare("select round_id as roundId, sealed from pending_responses limit 1").get() as
    | { roundId: string; sealed: Buffer }
    | undefined;
  if (response && !unseal(key, response.sealed, pendingContext(response.roundId))) throw wrongKey("sealed responses");
  const link = sqlite.prepare("select invitation_id as invitationId, sealed from email_tokens limit 1").get() as
    | { invitationId: string; sealed: Buffer }
    | undefined;
  if (link && !unseal(key, link.sealed, emailTokenContext(link.invitationId))) throw wrongKey("sealed email links");
  return key;
}

const wrongKey = (what: string) =>
  new ConfigError(`Invalid SECRETS_DIR: its key does not open the ${what} in the database; restore the key that belongs to it`);

/**
 * Opens (creating if needed) the SQLite database at `file`, sets the pragmas we rely on, applies
 * any pending migrations and loads the key of `options.secretsDir`. Throws a ConfigError (one line)
 * when that key is missing or wrong for the sealed rows the database holds.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ":memory:") prepareFiles(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // FULL: an acknowledged answer must survive a power cut, not only a crash of the process.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Deleted rows (drafts, pending responses, answers of a round too small to keep) are overwritten
  // with zeros rather than left readable in free space.
  sqlite.pragma("secure_delete = ON");
  const db = drizzle(sqlite, { schema }) as Db;
  const before = appliedMigrations(sqlite);
  migrate(db, { migrationsFolder: MIGRATIONS });
  // A migration that rewrote rows (anonymous_storage shuffles answers and comments) leaves the old
  // page images in free pages and the WAL. VACUUM rebuilds the file, and truncating the WAL drops the
  // old frames; VACUUM cannot run inside the migrator's transaction, so it runs here, once, right
  // after an upgrade (a new, empty database has nothing to hide and skips it).
  if (before > 0 && appliedMigrations(sqlite) > before) {
    sqlite.exec("VACUUM");
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  }
  try {
    return Object.assign(db, { $sealKey: sealKey(sqlite, options) });
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/** True when the database answers a trivial query. */
export function databaseIsHealthy(db: Db): boolean {
  try {
    return db.$client.prepare("select 1 as ok").get() !== undefined;
  } catch {
    return false;
  }
}
