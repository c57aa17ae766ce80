// Upgrading a database made before a migration: the data already there must come through whole.
import { readFileSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/lib/db";
import { databaseAt } from "../support/database-at";

describe("migration 0001: respondent theme scores", () => {
  it("works out the theme scores of responses stored before, and drops respondent scores from frozen results", () => {
    const file = databaseAt(0);
    const old = new Database(file);
    old.exec(`
      insert into networks (id, name, stage, created_at) values ('n1', 'Old network', 'developing', 0);
      insert into rounds (id, network_id, title, instrument_id, instrument_version, status, min_responses, created_at)
        values ('r1', 'n1', 'Spring', 'core', 1, 'closed', 1, 0);
      insert into responses (id, round_id, submitted_on) values ('a', 'r1', '2026-03-02'), ('b', 'r1', '2026-03-02');
      -- a: purpose 5, 4 and "don't know" → 87.5; relationships 1 → 0. b: only "don't know" → all null.
      insert into answers (response_id, round_id, item_code, value) values
        ('a', 'r1', 'purpose.1', 5), ('a', 'r1', 'purpose.2', 4), ('a', 'r1', 'purpose.3', 0),
        ('a', 'r1', 'relationships.1', 1), ('b', 'r1', 'value.1', 0);
    `);
    const frozen = (overall: object, theme: object) =>
      JSON.stringify({ scores: { n: 3, minResponses: 1, suppressed: false, overall, themes: [theme], breakdowns: {} }, invited: 0 });
    const insertFrozen = old.prepare(
      "insert into round_results (round_id, published, summary, computed_at, scores) values (?, '{}', '{}', 0, ?)",
    );
    insertFrozen.run(
      "r1",
      frozen({ score: 20, n: 3, respondentScores: [10, 20, 30] }, { code: "purpose", sd: 5, respondentScores: [1, 2] }),
    );
    old.exec(`insert into rounds (id, network_id, title, instrument_id, instrument_version, status, min_responses, created_at)
                values ('r2', 'n1', 'Small', 'core', 1, 'closed', 5, 0)`);
    insertFrozen.run("r2", JSON.stringify({ scores: { n: 1, minResponses: 5, suppressed: true }, invited: 4 }));
    old.close();

    const db = openDatabase(file);
    try {
      const rows = db.$client.prepare("select id, purpose_score, relationships_score, value_score from responses order by id").all();
      expect(rows).toEqual([
        { id: "a", purpose_score: 87.5, relationships_score: 0, value_score: null },
        { id: "b", purpose_score: null, relationships_score: null, value_score: null },
      ]);
      const scores = (id: string) =>
        JSON.parse((db.$client.prepare("select scores from round_results where round_id = ?").get(id) as { scores: string }).scores);
      // sd of 10, 20, 30 = √((100 + 0 + 100) / 2) = 10.
      expect(scores("r1").scores.overall).toEqual({ score: 20, n: 3, sd: 10 });
      expect(scores("r1").scores.themes).toEqual([{ code: "purpose", sd: 5 }]);
      expect(scores("r2")).toEqual({ scores: { n: 1, minResponses: 5, suppressed: true }, invited: 4 });
    } finally {
      db.$client.close();
    }
  });
});

describe("migration 0003: open-link codes", () => {
  it("gives every open-access round made before a short code, keeping its old link", () => {
    const file = databaseAt(2);
    const old = new Database(file);
    old.exec("insert into networks (id, name, stage, created_at) values ('n1', 'Old network', 'developing', 0)");
    const insert = old.prepare(
      `insert into rounds (id, network_id, title, instrument_id, instrument_version, status, access, created_at, open_slug)
       values (?, 'n1', ?, 'core', 1, 'open', ?, 0, ?)`,
    );
    for (let i = 0; i < 40; i++) insert.run(`open${i}`, `Open ${i}`, "open", `slug-of-twenty-two-${String(i).padStart(3, "0")}`);
    insert.run("invite", "Invite", "invite", null);
    old.close();

    const db = openDatabase(file);
    try {
      const rows = db.$client.prepare("select id, open_code, open_slug from rounds order by id").all() as {
        id: string;
        open_code: string | null;
        open_slug: string | null;
      }[];
      const open = rows.filter((r) => r.id.startsWith("open"));
      expect(open).toHaveLength(40);
      for (const row of open) {
        expect(row.open_code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
        expect(row.open_slug).toMatch(/^slug-of-twenty-two-\d{3}$/);
      }
      expect(new Set(open.map((r) => r.open_code)).size).toBe(40);
      expect(rows.find((r) => r.id === "invite")?.open_code).toBeNull();
    } finally {
      db.$client.close();
    }
  });
});

describe("migration 0004: when an action was closed", () => {
  it("takes an action already done or dropped as closed at its last update, and leaves open ones open", () => {
    const file = databaseAt(3);
    const old = new Database(file);
    old.exec(`
      insert into networks (id, name, stage, created_at) values ('n1', 'Old network', 'developing', 0);
      insert into rounds (id, network_id, title, instrument_id, instrument_version, status, min_responses, created_at)
        values ('r1', 'n1', 'Spring', 'core', 1, 'closed', 5, 0);
      insert into actions (id, network_id, round_id, title, status, created_at, updated_at) values
        ('a', 'n1', 'r1', 'Open one', 'open', 1, 10), ('b', 'n1', 'r1', 'Going', 'in_progress', 1, 20),
        ('c', 'n1', 'r1', 'Done', 'done', 1, 30), ('d', 'n1', 'r1', 'Dropped', 'dropped', 1, 40);
    `);
    old.close();
    const db = openDatabase(file);
    try {
      const rows = db.$client.prepare("select id, closed_at from actions order by id").all();
      expect(rows).toEqual([
        { id: "a", closed_at: null },
        { id: "b", closed_at: null },
        { id: "c", closed_at: 30 },
        { id: "d", closed_at: 40 },
      ]);
    } finally {
      db.$client.close();
    }
  });
});

describe("migration 0005: a network's time zone", () => {
  it("gives a network whose latest round is Dutch Europe/Amsterdam, and every other network Europe/London", () => {
    const file = databaseAt(4);
    const old = new Database(file);
    old.exec(`
      insert into networks (id, name, stage, created_at) values
        ('dutch', 'Zorgnetwerk', 'developing', 0), ('english', 'Care network', 'developing', 0),
        ('switched', 'Was Dutch', 'developing', 0), ('empty', 'No rounds', 'forming', 0);
      insert into rounds (id, network_id, title, instrument_id, instrument_version, language, min_responses, created_at) values
        ('r1', 'dutch', 'Voorjaar', 'core', 1, 'nl', 5, 1), ('r2', 'english', 'Spring', 'core', 1, 'en', 5, 1),
        ('r3', 'switched', 'Eerst', 'core', 1, 'nl', 5, 1), ('r4', 'switched', 'Then', 'core', 1, 'en', 5, 2);
    `);
    old.close();
    const db = openDatabase(file);
    try {
      const rows = db.$client.prepare("select id, time_zone from networks order by id").all();
      expect(rows).toEqual([
        { id: "dutch", time_zone: "Europe/Amsterdam" },
        { id: "empty", time_zone: "Europe/London" },
        { id: "english", time_zone: "Europe/London" },
        { id: "switched", time_zone: "Europe/London" },
      ]);
    } finally {
      db.$client.close();
    }
  });
});

describe("migrations 0006 and 0007: anonymous storage", () => {
  /** A database at migration 0005 with a kept round, a round closed below its threshold and an open round. */
  function oldDatabase(): string {
    const file = databaseAt(5);
    const old = new Database(file);
    old.exec(`
      insert into networks (id, name, stage, created_at) values ('n1', 'Old network', 'developing', 0);
      insert into rounds (id, network_id, title, instrument_id, instrument_version, status, min_responses, created_at) values
        ('kept', 'n1', 'Spring', 'core', 1, 'closed', 2, 0),
        ('small', 'n1', 'Summer', 'core', 1, 'closed', 5, 0),
        ('open', 'n1', 'Autumn', 'core', 1, 'open', 5, 0);
      insert into responses (id, round_id, submitted_on, overall) values
        ('a', 'kept', '2026-03-02', 7), ('b', 'kept', '2026-03-02', 8), ('c', 'kept', '2026-03-04', 9),
        ('d', 'small', '2026-05-01', 3), ('e', 'small', '2026-05-02', 4),
        ('f', 'open', '2026-09-01', 5);
      insert into answers (response_id, round_id, item_code, value) values
        ('a', 'kept', 'purpose.1', 5), ('b', 'kept', 'purpose.1', 4), ('c', 'kept', 'purpose.2', 0),
        ('d', 'small', 'purpose.1', 1), ('e', 'small', 'value.1', 2), ('f', 'open', 'value.1', 3);
      insert into comments (id, round_id, theme, text, status) values
        ('k1', 'kept', 'purpose', 'Kept one', 'released'), ('k2', 'kept', 'value', 'Kept two', 'pending'),
        ('s1', 'small', 'value', 'Only three of us answered', 'pending'), ('o1', 'open', 'purpose', 'Still open', 'pending');
    `);
    // Enough rows that deleting them leaves free pages behind, unless VACUUM rebuilds the file.
    const insert = old.prepare("insert into comments (id, round_id, theme, text, status) values (?, 'small', 'purpose', ?, 'pending')");
    for (let i = 0; i < 400; i++) insert.run(`filler${i}`, `A long comment, number ${i}, `.repeat(20));
    old.close();
    return file;
  }

  it("counts the days, drops submitted_on, and keeps only the counts of a round closed below its threshold", () => {
    const file = oldDatabase();
    const db = openDatabase(file);
    try {
      const all = (sql: string) => db.$client.prepare(sql).raw().all();
      expect(all("select round_id, day, submitted from daily_submissions order by round_id, day")).toEqual([
        ["kept", "2026-03-02", 2],
        ["kept", "2026-03-04", 1],
        ["open", "2026-09-01", 1],
        ["small", "2026-05-01", 1],
        ["small", "2026-05-02", 1],
      ]);
      const columns = db.$client.prepare("select name from pragma_table_info('responses')").pluck().all();
      expect(columns).not.toContain("submitted_on");
      // Still WITHOUT ROWID after the column went.
      expect(() => all("select rowid from responses")).toThrow(/rowid/);
      expect(all("select id, round_id, overall from responses order by id")).toEqual([
        ["a", "kept", 7],
        ["b", "kept", 8],
        ["c", "kept", 9],
        ["f", "open", 5],
      ]);
      expect(all("select response_id, item_code, value from answers order by response_id")).toEqual([
        ["a", "purpose.1", 5],
        ["b", "purpose.1", 4],
        ["c", "purpose.2", 0],
        ["f", "value.1", 3],
      ]);
      expect(all("select id, text, status from comments order by id")).toEqual([
        ["k1", "Kept one", "released"],
        ["k2", "Kept two", "pending"],
        ["o1", "Still open", "pending"],
      ]);
    } finally {
      db.$client.close();
    }
  });

  it("rebuilds the file after the upgrade: no free pages keep deleted rows, and the WAL is emptied", () => {
    const file = oldDatabase();
    const db = openDatabase(file);
    try {
      expect(db.$client.pragma("freelist_count", { simple: true })).toBe(0);
      expect(statSync(`${file}-wal`).size).toBe(0);
      expect(readFileSync(file).includes("Only three of us answered")).toBe(false);
      expect(readFileSync(file).includes("A long comment, number 7,")).toBe(false);
    } finally {
      db.$client.close();
    }
  });
});
