// Issue 13, tested as the attacker with a copy of DATA_DIR: the connections answers are stored apart
// from the response and from each other, so that neither an id, a column nor the order of rows joins
// a connections record to its response (and so to its answers and comments), nor a rating to the
// level or the record of the respondent who gave it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { closeRound } from "../../src/rounds/lifecycle";
import { createTestApp, type TestApp } from "../support/app";
import { makeInvitation, makeNetwork, makeRound } from "../support/factories";
import { call } from "../support/http";
import { orderLeak, physicalScores } from "../support/page-order";
import { survey } from "./helpers";
import { snapshotOrganisations } from "./module-helpers";

const ORGANISATIONS = 11;
const ROUNDS = 4;
const MEMBERS = ORGANISATIONS * ROUNDS;
const MODULE_TABLES = ["maturity_answers", "connection_records", "connection_levels", "connection_ratings"];
const CONNECTION_TABLES = MODULE_TABLES.slice(1);

const columns = (t: TestApp, table: string) => t.db.$client.prepare("select name from pragma_table_info(?)").pluck().all(table) as string[];

/**
 * Member i of each round works for organisation i and with organisation i + 1 (mod 11), and rates
 * the overall health i: each of its rows in every table can be told apart by its content, which
 * is what lets the attacker (and this test) tell who wrote which row.
 */
function answersOf(i: number) {
  return {
    answers: { "purpose.1": 3 },
    overall: i % 11,
    maturity: { purpose: { current: 2, target: 3 } },
    connections: { organisation: i, partners: [{ organisation: (i + 1) % ORGANISATIONS, level: 3, trust: 2, value: 4 }] },
  };
}

/** ROUNDS rounds of ORGANISATIONS members each, all submitted (in order) and written out at close, one batch a round. */
async function answeredRounds(t: TestApp) {
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const network = makeNetwork(t);
    const round = makeRound(t, network.id, {
      status: "open",
      openedAt: t.clock.now(),
      minResponses: ORGANISATIONS,
      modules: ["connections", "maturity"],
    });
    const orgs = snapshotOrganisations(t, network.id, round.id, ORGANISATIONS);
    for (let i = 0; i < ORGANISATIONS; i++) {
      const res = await call(t, "POST", `${survey(makeInvitation(t, round.id).token)}/response`, answersOf(i));
      expect(res.status, res.text).toBe(201);
    }
    closeRound(t.deps, round);
    rounds.push({ round, orgs });
  }
  return rounds;
}

describe("an attacker holding a copy of DATA_DIR, on the connections answers", () => {
  it("finds no id or column that joins a record to its response, or a rating to a level or a record", async () => {
    const t = createTestApp();
    await answeredRounds(t);
    expect(columns(t, "connection_records")).toEqual(["id", "round_id", "organisation_id"]);
    expect(columns(t, "connection_levels")).toEqual(["id", "round_id", "from_organisation_id", "to_organisation_id", "level"]);
    // A rating names the partner rated, and nothing of who rated it.
    expect(columns(t, "connection_ratings")).toEqual(["id", "round_id", "organisation_id", "trust", "value"]);
    // Maturity marks are part of the response, as its answers are.
    expect(columns(t, "maturity_answers")).toEqual(["response_id", "round_id", "dimension", "current", "target"]);
    for (const table of MODULE_TABLES) expect(() => t.db.$client.prepare(`select rowid from ${table}`).all(), table).toThrow(/rowid/);

    const idsOf = (table: string) => t.db.$client.prepare(`select id from ${table}`).pluck().all() as string[];
    const responses = idsOf("responses");
    const ids = CONNECTION_TABLES.map(idsOf);
    expect(ids.map((list) => list.length)).toEqual([MEMBERS, MEMBERS, MEMBERS]);
    // Every id random and its own: none repeats a response's id or another row's.
    const all = [...responses, ...ids.flat()];
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  }, 60_000);

  it("cannot read from the order of cells on the pages which record, level, rating or response is whose", async () => {
    const t = createTestApp();
    const rounds = await answeredRounds(t);
    const sqlite = t.db.$client;
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const file = readFileSync(sqlite.name);

    // What this test knows and the attacker must not be able to work out: member j = r × 11 + i.
    const owner = new Map<string, number>();
    rounds.forEach(({ round, orgs }, r) => {
      const member = (i: number) => r * ORGANISATIONS + i;
      const position = new Map(orgs.map((o, i) => [o.id, i]));
      const rows = (sql: string) => sqlite.prepare(sql).raw().all(round.id) as [string, ...unknown[]][];
      for (const [id, overall] of rows("select id, overall from responses where round_id = ?")) owner.set(id, member(Number(overall)));
      for (const [id, org] of rows("select id, organisation_id from connection_records where round_id = ?"))
        owner.set(id, member(position.get(String(org)) ?? -1));
      for (const [id, from] of rows("select id, from_organisation_id from connection_levels where round_id = ?"))
        owner.set(id, member(position.get(String(from)) ?? -1));
      for (const [id, to] of rows("select id, organisation_id from connection_ratings where round_id = ?"))
        owner.set(id, member(((position.get(String(to)) ?? 0) + ORGANISATIONS - 1) % ORGANISATIONS));
    });
    const batchOf = (j: number) => String(Math.floor(j / ORGANISATIONS));
    const batches = Array.from({ length: ROUNDS }, (_, r) => Array.from({ length: ORGANISATIONS }, (_, i) => r * ORGANISATIONS + i));
    const submission = Array.from({ length: MEMBERS }, (_, j) => j);

    const problems: string[] = [];
    const scores = new Map<string, number[]>();
    for (const table of ["responses", ...MODULE_TABLES]) {
      const found = physicalScores(file, sqlite, table, owner, batchOf, MEMBERS);
      expect(found.compared, `${table} has cells to compare`).toBeGreaterThan(0);
      scores.set(table, found.scores);
      const leak = orderLeak(`${table} follows the order of submission`, found.scores, submission, batches);
      if (leak) problems.push(leak);
    }
    for (const a of CONNECTION_TABLES) {
      for (const b of ["responses", ...MODULE_TABLES]) {
        if (a === b || (MODULE_TABLES.indexOf(b) > 0 && MODULE_TABLES.indexOf(b) < MODULE_TABLES.indexOf(a))) continue;
        const leak = orderLeak(`${a} follows the order of ${b}`, scores.get(a) ?? [], scores.get(b) ?? [], batches);
        if (leak) problems.push(leak);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
