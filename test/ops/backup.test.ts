import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { checkBackup } from "../../src/ops/backup";
import { fullResponse, http, prepareRound, type ServerProcess, startServer } from "../support/server-process";

const run = promisify(execFile);
const servers: ServerProcess[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.child.kill("SIGKILL");
});

const npmScript = (script: string, file: string, dataDir: string) =>
  run(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, file], { env: { ...process.env, DATA_DIR: dataDir } });

describe("backups", () => {
  it("takes a consistent copy under write load that restores every response acknowledged before it began", async () => {
    const server = await startServer();
    servers.push(server);
    const { tokens } = await prepareRound(server, 240);
    const before = tokens.slice(0, 40);
    for (const [i, token] of before.entries())
      expect((await http(server, "POST", `/api/v1/s/${token}/response`, fullResponse(i))).status).toBe(201);

    // Keep writing while the backup runs.
    let stop = false;
    let i = before.length;
    const writer = (async () => {
      while (!stop && i < tokens.length) await http(server, "POST", `/api/v1/s/${tokens[i++]}/response`, fullResponse(i));
    })();
    const file = join(mkdtempSync(join(tmpdir(), "netmirror-backup-")), "backup.db");
    await npmScript("backup", file, server.dataDir);
    stop = true;
    await writer;
    expect(checkBackup(file)).toEqual([]);

    // Restore into a fresh data directory and count what is there.
    const restoredDir = mkdtempSync(join(tmpdir(), "netmirror-restored-"));
    await npmScript("restore", file, restoredDir);
    const db = new Database(join(restoredDir, "netmirror.db"), { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const submitted = db.prepare("select count(*) as n from invitations where status = 'submitted'").get() as { n: number };
      // Written out or still sealed in the pending pool (which opens only with the server's SECRETS_DIR).
      const responses = db.prepare("select (select count(*) from responses) + (select count(*) from pending_responses) as n").get() as {
        n: number;
      };
      expect(responses.n).toBeGreaterThanOrEqual(before.length);
      expect(responses.n).toBe(submitted.n);
    } finally {
      db.close();
    }
  }, 60_000);

  it("refuses to restore a file that is not a sound netmirror database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "netmirror-bad-"));
    const junk = join(dir, "junk.db");
    writeFileSync(junk, "this is not a database");
    const failure = await npmScript("restore", junk, dir).catch((err: { code: number; stderr: string }) => err);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/Refusing to restore/);
    const other = join(dir, "other.db");
    new Database(other).exec("create table t (x)").close();
    expect(checkBackup(other).join()).toMatch(/Not a netmirror database/);
  }, 30_000);
});
