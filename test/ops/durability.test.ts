import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { fullResponse, http, prepareRound, type ServerProcess, startServer } from "../support/server-process";

const servers: ServerProcess[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.child.kill("SIGKILL");
});

describe("durability", () => {
  it("keeps every acknowledged response, whole and once, across a kill -9 mid-load", async () => {
    const first = await startServer();
    servers.push(first);
    const { tokens } = await prepareRound(first, 300);
    const acknowledged = new Set<string>();
    const unanswered = new Set<string>();
    let next = 0;
    let killed = false;
    // 16 clients submitting as fast as they can; the server dies under them.
    const worker = async () => {
      while (next < tokens.length && !killed) {
        const token = tokens[next++] as string;
        try {
          const res = await http(first, "POST", `/api/v1/s/${token}/response`, fullResponse(next));
          if (res.status === 201) acknowledged.add(token);
        } catch {
          unanswered.add(token);
        }
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, worker));
    while (acknowledged.size < 60) await new Promise((r) => setTimeout(r, 5));
    first.child.kill("SIGKILL");
    killed = true;
    await load;
    await first.exited;

    const second = await startServer({ dataDir: first.dataDir });
    servers.push(second);
    const db = new Database(join(first.dataDir, "netmirror.db"), { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      // Stored: written out, or still sealed in the pending pool (opened again by the restarted server).
      const stored = db.prepare("select (select count(*) from responses) + (select count(*) from pending_responses) as n").get() as {
        n: number;
      };
      expect(stored.n).toBeGreaterThanOrEqual(acknowledged.size);
      // None half-written: every response has all 25 answers.
      const partial = db
        .prepare("select count(*) as n from (select response_id, count(*) c from answers group by response_id having c <> 25)")
        .get() as { n: number };
      expect(partial.n).toBe(0);
      const orphans = db
        .prepare("select count(*) as n from responses r where not exists (select 1 from answers a where a.response_id = r.id)")
        .get() as { n: number };
      expect(orphans.n).toBe(0);
    } finally {
      db.close();
    }
    // Retrying: acknowledged ones are refused; ones cut off are stored at most once.
    for (const token of acknowledged) {
      expect((await http(second, "POST", `/api/v1/s/${token}/response`, fullResponse(1))).status).toBe(409);
    }
    for (const token of unanswered) {
      expect([201, 409]).toContain((await http(second, "POST", `/api/v1/s/${token}/response`, fullResponse(1))).status);
    }
    const after = new Database(join(first.dataDir, "netmirror.db"), { readonly: true });
    try {
      const responses = (
        after.prepare("select (select count(*) from responses) + (select count(*) from pending_responses) as n").get() as { n: number }
      ).n;
      const submitted = (after.prepare("select count(*) as n from invitations where status = 'submitted'").get() as { n: number }).n;
      expect(responses).toBe(submitted);
    } finally {
      after.close();
    }
  }, 60_000);
});
