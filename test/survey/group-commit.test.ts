import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createGroupCommit } from "../../src/survey/group-commit";
import { createTestApp } from "../support/app";
import { makeInvitation } from "../support/factories";
import { call } from "../support/http";
import { fullResponse, openSurvey, survey, surveyTables } from "./helpers";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A writer and a second connection that sees only what the writer has committed. */
function twoConnections() {
  const dir = mkdtempSync(join(tmpdir(), "group-commit-"));
  dirs.push(dir);
  const writer = new Database(join(dir, "t.db"));
  writer.pragma("journal_mode = WAL");
  writer.pragma("foreign_keys = ON");
  writer.exec(`create table parent (k text primary key);
               create table child (k text primary key, parent text references parent(k) deferrable initially deferred)`);
  const reader = new Database(join(dir, "t.db"), { readonly: true });
  const insert = writer.prepare("insert into parent (k) values (?)");
  const committed = () => (reader.prepare("select k from parent order by k").all() as { k: string }[]).map((r) => r.k);
  return { writer, insert, committed };
}

describe("group commit", () => {
  it("runs work handed in together in one transaction and resolves each only once it is committed", async () => {
    const { writer, insert, committed } = twoConnections();
    const group = createGroupCommit(writer);
    const seenByOthers: string[][] = [];
    const results = [
      group.run(() => insert.run("a").changes),
      group.run(() => {
        // The first unit's row is not committed yet while the second runs: they share a transaction.
        seenByOthers.push(committed());
        return insert.run("b").changes;
      }),
    ];
    expect(committed()).toEqual([]);
    expect(await Promise.all(results)).toEqual([1, 1]);
    expect(seenByOthers).toEqual([[]]);
    expect(committed()).toEqual(["a", "b"]);
  });

  it("rolls back only the unit that fails, and rejects it with its own error", async () => {
    const { writer, insert, committed } = twoConnections();
    const group = createGroupCommit(writer);
    const outcomes = await Promise.allSettled([
      group.run(() => insert.run("a")),
      group.run(() => {
        insert.run("b");
        insert.run("a"); // a duplicate key: this unit's own "b" must go too
      }),
      group.run(() => insert.run("c")),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(committed()).toEqual(["a", "c"]);
  });

  it("rejects every unit of a transaction whose commit fails, and keeps none of them", async () => {
    const { writer, insert, committed } = twoConnections();
    const group = createGroupCommit(writer);
    // A deferred foreign key is checked at COMMIT, after every savepoint has been released.
    const dangling = writer.prepare("insert into child (k, parent) values ('x', 'nobody')");
    const outcomes = await Promise.allSettled([group.run(() => insert.run("a")), group.run(() => dangling.run())]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect(committed()).toEqual([]);
    expect(writer.inTransaction).toBe(false);
  });

  it("splits a burst larger than one batch and still commits every unit", async () => {
    const { writer, insert, committed } = twoConnections();
    const group = createGroupCommit(writer, 3);
    const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
    await Promise.all(keys.map((k) => group.run(() => insert.run(k))));
    expect(committed()).toEqual([...keys].sort());
  });
});

describe("POST /api/v1/s/:token/response under a burst", () => {
  it("answers 201 to every link submitted at the same moment and stores each response once", async () => {
    const t = createTestApp();
    const { round, token } = openSurvey(t);
    const tokens = [token, ...Array.from({ length: 7 }, () => makeInvitation(t.deps, round.id).token)];
    // Each link twice: one 201 and one 409 per link, whichever commits first.
    const posts = [...tokens, ...tokens].map((k) => call(t, "POST", `${survey(k)}/response`, fullResponse()));
    const statuses = (await Promise.all(posts)).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(tokens.length);
    expect(statuses.filter((s) => s === 409)).toHaveLength(tokens.length);
    expect(surveyTables(t).responses).toBe(tokens.length);
  });
});
