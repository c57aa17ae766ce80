import { existsSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";

/** The tables a netmirror database must have; a file without them is not one of our backups. */
const REQUIRED_TABLES = ["users", "networks", "rounds", "responses", "answers", "__drizzle_migrations"];

/**
 * Copies the live database to `target` with SQLite's online backup API: a consistent snapshot,
 * taken page by page while the server goes on reading and writing.
 */
export async function backupDatabase(source: string, target: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`There is no database at ${source}`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const progress = await db.backup(target);
    return { pages: progress.totalPages };
  } finally {
    db.close();
  }
}

/** Problems that make a file unfit to restore from; empty when it is a sound netmirror database. */
export function checkBackup(file: string): string[] {
  if (!existsSync(file)) return [`There is no file at ${file}`];
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma("integrity_check") as { integrity_check: string }[];
    const problems = integrity.map((r) => r.integrity_check).filter((r) => r !== "ok");
    const tables = new Set(
      (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) problems.push(`Not a netmirror database: missing tables ${missing.join(", ")}`);
    return problems;
  } catch (err) {
    return [`Cannot read ${file} as a SQLite database: ${err instanceof Error ? err.message : String(err)}`];
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database at `target` with the backup `file`, after checking the backup. The copy is
 * made beside the target and renamed over it, so a failure half-way leaves the old database whole.
 * Stop the server first.
 */
export async function restoreDatabase(file: string, target: string): Promise<void> {
  const problems = checkBackup(file);
  if (problems.length > 0) throw new Error(`Refusing to restore: ${problems.join("; ")}`);
  const staging = join(dirname(target), `.restore-${process.pid}.db`);
  rmSync(staging, { force: true });
  await backupDatabase(file, staging);
  const copied = checkBackup(staging);
  if (copied.length > 0) throw new Error(`The restored copy failed its check: ${copied.join("; ")}`);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
}
