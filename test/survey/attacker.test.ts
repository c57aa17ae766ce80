// Issue 10 §1, tested as the attacker: someone who holds copies of DATA_DIR (without SECRETS_DIR),
// taken after every submission as a backup tool would take them, tries to tell which member wrote
// which comment and which answers. Only public behaviour is used: the HTTP routes to answer and to
// close, the files on disk, SQLite to open copies, and our own reader of SQLite's file format.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/demo/answers";
import { createTestApp } from "../support/app";
import { candidateSets } from "../support/attacker";
import { answerOf, type Copy, readCopy, recognise, type Sighting, stored, takeCopy, waitingRows } from "../support/data-copies";
import { makeGrant, makeInvitation, makeMember, makeNetwork, makeRound, makeUser, sessionFor } from "../support/factories";
import { call } from "../support/http";
import { orderLeak, physicalScores } from "../support/page-order";
import { startServer } from "../support/server-process";
import type { RecordValue } from "../support/sqlite-pages";

const K = 5;
const MEMBERS = 23;
const THEMES = ["purpose", "relationships", "communication", "governance", "value"];
const ITEMS = THEMES.flatMap((theme) => [1, 2, 3, 4, 5].map((i) => `${theme}.${i}`));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const pad = (n: number) => String(n).padStart(2, "0");
const memberName = (j: number) => `m${pad(j + 1)}`;

const VALUES: (number | "dont_know")[] = [1, 2, 3, 4, 5, "dont_know"];
/**
 * The statements on which members differ; on the others everyone agrees. Their answers stay unique
 * to each member, and rows that agree on everything but the response's id sort among themselves by
 * that random id alone, so their physical order on a page can be compared without the content
 * getting in the way.
 */
const SIGNATURE = ["purpose.2", "communication.3", "governance.5", "value.1"];

/** What member j answers: a marker comment of its own length and answers no one else gives, assigned by a seeded draw so that nothing about them follows the order of submission. */
function respondents() {
  const random = seededRandom(20261130);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
  const seen = new Set<string>();
  return Array.from({ length: MEMBERS }, (_, j) => {
    let answers: Record<string, number | "dont_know">;
    do {
      answers = Object.fromEntries(
        ITEMS.map((item, i) => [item, SIGNATURE.includes(item) ? pick(VALUES) : (VALUES[i % VALUES.length] ?? 3)]),
      );
    } while (seen.has(JSON.stringify(answers)));
    seen.add(JSON.stringify(answers));
    const marker = `marker-${pad(j + 1)}-${Math.floor(random() * 2 ** 32)
      .toString(36)
      .padStart(7, "0")}`;
    // Comments of very different lengths: their size must not give them away either.
    const comment = `${marker} ${"meet more often ".repeat(Math.floor(random() * 6))}`.trim();
    return { marker, comment, answers, overall: Math.floor(random() * 11) };
  });
}

type Respondent = ReturnType<typeof respondents>[number];

/**
 * Candidate sets for what each member wrote, from the first copy each was readable in: it can only
 * be the writing of a member who had submitted by then. A sharper reading also uses rows that say a
 * member's response is still waiting, and a day kept beside what was written (a member who did not
 * submit that day cannot have written it); it is used when it never rules out the true writer. Member j
 * submitted j-th (counting from 0). Returns one line per item narrowed below k, naming it and its
 * candidates.
 */
function narrowed(
  kind: string,
  firstSeen: (number | undefined)[],
  where: string[],
  copies: Copy[],
  waiting: (m: number, i: number) => boolean,
  days: { of: Map<number, string>; submitted: string[] },
): string[] {
  const allowed = firstSeen.map((at) => {
    const by = at === undefined ? MEMBERS : (copies[at]?.submitted ?? MEMBERS);
    return Array.from({ length: by }, (_, m) => m);
  });
  const byWaiting = allowed.map((members, j) => {
    const at = firstSeen[j];
    return at === undefined ? members : members.filter((m) => !waiting(m, at));
  });
  const byDay = allowed.map((members, j) => members.filter((m) => days.of.get(j) === undefined || days.submitted[m] === days.of.get(j)));
  const sharper = byWaiting.map((members, j) => members.filter((m) => byDay[j]?.includes(m)));
  const sound = sharper.every((members, j) => members.includes(j));
  const sets = candidateSets(sound ? sharper : allowed, MEMBERS);
  if (!sets) return [`${kind}: no one-to-one assignment fits the copies: something was readable before its member submitted`];
  const narrower = (list: number[][]) => list.some((members, j) => members.length < (allowed[j]?.length ?? 0));
  const how = [
    ...(sound && narrower(byWaiting) ? ["following rows that came and went with each submission"] : []),
    ...(sound && narrower(byDay) ? ["matching the day kept beside it against the day each member submitted"] : []),
  ]
    .map((reading) => `, ${reading}`)
    .join("");
  return sets.flatMap((set, j) =>
    set.length < K
      ? [
          `${kind} of ${memberName(j)} narrowed to ${set.length} member${set.length === 1 ? "" : "s"}: ${set.map(memberName).join(", ")} (first readable in the copy taken ${copies[firstSeen[j] ?? 0]?.label}, in ${where[j]}${how})`,
        ]
      : [],
  );
}

describe("an attacker holding copies of DATA_DIR", () => {
  it(`cannot narrow a comment or a response's answers to fewer than k = ${K} members, nor read the order of writing off the pages`, async () => {
    const t = createTestApp({ now: "2026-03-02T09:00:00Z" });
    const dataDir = dirname(t.db.$client.name);
    const copiesDir = mkdtempSync(join(tmpdir(), "netmirror-copies-"));
    dirs.push(copiesDir);
    const people = respondents();

    const network = makeNetwork(t.deps);
    const round = makeRound(t.deps, network.id, { status: "open", openedAt: t.clock.now(), minResponses: K });
    const links = people.map((_, j) => {
      const member = makeMember(t.deps, network.id, { name: `Member ${memberName(j)}`, email: `${memberName(j)}@example.org` });
      return makeInvitation(t.deps, round.id, { memberId: member.id }).token;
    });
    const facilitator = makeUser(t.deps);
    makeGrant(t.deps, network.id, facilitator.id);

    // Everyone saves a draft first, with the comment they will send: drafts sit on disk beside the invitations.
    for (const [j, person] of people.entries()) {
      const firstTheme = Object.fromEntries(ITEMS.slice(0, 5).map((item) => [item, person.answers[item]]));
      const saved = await call(t, "PUT", `/api/v1/s/${links[j]}/draft`, { answers: firstTheme, comments: { purpose: person.comment } });
      expect(saved.status, `draft of ${memberName(j)}`).toBe(200);
    }

    const copies: Copy[] = [];
    takeCopy(dataDir, copiesDir, "after the drafts were saved", 0, copies);
    // Members submit over six days, four a day: the day of each submission is known to whoever
    // compares copies (the invitations that changed), so a day kept beside a response would narrow it.
    const submittedOn: string[] = [];
    for (const [j, person] of people.entries()) {
      submittedOn.push(t.clock.now().toISOString().slice(0, 10));
      const res = await call(t, "POST", `/api/v1/s/${links[j]}/response`, {
        answers: person.answers,
        overall: person.overall,
        comments: { purpose: person.comment },
      });
      expect(res.status, `submission of ${memberName(j)}`).toBe(201);
      takeCopy(dataDir, copiesDir, `after ${memberName(j)} submitted`, j + 1, copies);
      // Whatever the server does a moment later, before the next member submits, is in a copy too.
      await new Promise((resolve) => setTimeout(resolve, 5));
      takeCopy(dataDir, copiesDir, `a moment after ${memberName(j)} submitted`, j + 1, copies);
      t.clock.advance(6 * 60 * 60 * 1000);
    }
    const closed = await call(t, "POST", `/api/v1/rounds/${round.id}/close`, undefined, { cookie: sessionFor(t.deps, facilitator.id) });
    expect(closed.status).toBe(200);
    takeCopy(dataDir, copiesDir, "after close", MEMBERS, copies, true);
    // A copy checkpointed afterwards: everything in the WAL moved into the database file.
    const final = takeCopy(dataDir, copiesDir, "after close, checkpointed", MEMBERS, copies, true);
    const dbName = basename(t.db.$client.name);
    {
      const sqlite = new Database(join(final.dir, dbName));
      sqlite.pragma("wal_checkpoint(TRUNCATE)");
      sqlite.close();
    }

    // 1. When did each marker and each answer pattern first become readable?
    const markerSeen: (number | undefined)[] = new Array(MEMBERS).fill(undefined);
    const patternSeen: (number | undefined)[] = new Array(MEMBERS).fill(undefined);
    const markerWhere: string[] = [];
    const patternWhere: string[] = [];
    const blobSizes = new Map<string, Set<number>>();
    const sightings: Sighting[] = [];
    const markerDays = new Map<number, string>();
    const patternDays = new Map<number, string>();
    const finalSighting = readCopy(final, people, round.id);
    copies.forEach((copy, i) => {
      const previous = copies[i - 1];
      const sighting =
        copy === final
          ? finalSighting
          : previous?.digest === copy.digest
            ? (sightings[i - 1] as Sighting)
            : readCopy(copy, people, round.id);
      for (const [j, where] of sighting.markers) if (markerSeen[j] === undefined) [markerSeen[j], markerWhere[j]] = [i, where];
      for (const [j, where] of sighting.patterns) if (patternSeen[j] === undefined) [patternSeen[j], patternWhere[j]] = [i, where];
      sightings.push(sighting);
      for (const [j, day] of sighting.markerDays) markerDays.set(j, day);
      for (const [j, day] of sighting.patternDays) patternDays.set(j, day);
      for (const [column, lengths] of sighting.blobs) blobSizes.set(column, new Set([...(blobSizes.get(column) ?? []), ...lengths]));
    });

    const problems: string[] = [];
    // The attack must have something to find: every comment and every response is readable once the round has closed.
    const unread = people.flatMap((_, j) => [
      ...(finalSighting.markers.has(j) ? [] : [`comment of ${memberName(j)}`]),
      ...(finalSighting.patterns.has(j) ? [] : [`answers of ${memberName(j)}`]),
    ]);
    expect(unread, "stored after close, readable in the checkpointed copy").toEqual([]);

    const waiting = waitingRows(copies, sightings, MEMBERS);
    problems.push(
      ...narrowed("comment", markerSeen, markerWhere, copies, waiting, { of: markerDays, submitted: submittedOn }),
      ...narrowed("answers", patternSeen, patternWhere, copies, waiting, { of: patternDays, submitted: submittedOn }),
    );

    // 2. Sealed rows (pending responses, drafts) all have one size per column.
    expect([...blobSizes.keys()], "drafts are stored as sealed BLOBs").toContain("drafts.sealed");
    for (const [column, sizes] of blobSizes) {
      if (sizes.size > 1)
        problems.push(`${column}: sealed values of ${sizes.size} different sizes (${[...sizes].sort((a, b) => a - b).join(", ")} bytes)`);
    }

    // 3. The checkpointed file, page by page: does the physical order of cells give away the order of writing?
    const db = readFileSync(join(final.dir, dbName));
    const sqlite = new Database(join(final.dir, dbName), { readonly: true });
    try {
      const owner = new Map<string, number>();
      const tables = sqlite.prepare("select name from sqlite_schema where type = 'table'").pluck().all() as string[];
      for (const table of tables) {
        const rows = sqlite.prepare(`select * from "${table}"`).all() as Record<string, RecordValue>[];
        // Answers: their identifier is the response's, recognised by its pattern.
        const answers = rows.flatMap((row) => answerOf(Object.values(row), round.id) ?? []);
        for (const [id, j] of recognise(answers, people)) owner.set(id, j);
        // Comments: the primary key of the row holding a marker (its index entries carry only that).
        const primaryKey = sqlite.prepare("select name from pragma_table_info(?) where pk > 0").pluck().all(table) as string[];
        for (const row of rows) {
          const j = people.findIndex((person) => Object.values(row).some((v) => typeof v === "string" && v.includes(person.marker)));
          for (const column of j < 0 ? [] : primaryKey) if (typeof row[column] === "string") owner.set(row[column], j);
        }
      }
      const batchOf = (j: number) => `${markerSeen[j]}/${patternSeen[j]}`;
      const batches = [...new Set(people.map((_, j) => batchOf(j)))].map((b) => people.flatMap((_, j) => (batchOf(j) === b ? [j] : [])));
      if (batches.every((b) => b.length < 2))
        problems.push("every response was written on its own: there is no batch whose order could be hidden");

      const submission = people.map((_, j) => j);
      const scoresOf = new Map<string, number[]>();
      for (const table of tables) {
        const { scores, compared } = physicalScores(db, sqlite, table, owner, batchOf, MEMBERS);
        if (compared === 0) continue;
        scoresOf.set(table, scores);
        const leak = orderLeak(`${table}: the physical order of cells follows the order of submission`, scores, submission, batches);
        if (leak) problems.push(leak);
      }
      const commentTables = tables.filter((table) =>
        (sqlite.prepare(`select * from "${table}"`).all() as Record<string, unknown>[]).some((row) =>
          Object.values(row).some((v) => typeof v === "string" && v.startsWith("marker-")),
        ),
      );
      expect(commentTables.length, "a table holds the comments").toBeGreaterThan(0);
      for (const commentTable of commentTables) {
        for (const [table, scores] of scoresOf) {
          if (commentTables.includes(table)) continue;
          const leak = orderLeak(
            `${commentTable} and ${table}: the order of the comments follows the order of the rows in ${table}`,
            scoresOf.get(commentTable) ?? [],
            scores,
            batches,
          );
          if (leak) problems.push(leak);
        }
      }
    } finally {
      sqlite.close();
    }

    expect(problems, `${problems.length} ways to link what members wrote to who they are`).toEqual([]);
  }, 60_000);

  it("sees the order of writing in pages written batch by batch without shuffling: the check can fail", () => {
    // A control for the page reader and the statistics above: tables like netmirror's, written the
    // way a pool that forgot to shuffle would write them (batches of 5, 5, 5 and 8, each in the
    // order of submission, every table in the same order). Seeded ids: the same file every run.
    const dir = mkdtempSync(join(tmpdir(), "netmirror-control-"));
    dirs.push(dir);
    const file = join(dir, "control.db");
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(`create table responses (id text primary key, round_id text, overall integer) without rowid;
                 create index responses_round on responses (round_id);
                 create table answers (response_id text, round_id text, item_code text, value integer, primary key (response_id, item_code)) without rowid;
                 create index answers_round_item_value on answers (round_id, item_code, value);
                 create table comments (id text primary key, round_id text, theme text, text text) without rowid;
                 create index comments_round_theme on comments (round_id, theme)`);
    const random = seededRandom(7);
    const id = () => Array.from({ length: 16 }, () => "abcdefghijklmnopqrstuvwxyz012345"[Math.floor(random() * 32)]).join("");
    const people = respondents();
    const owner = new Map<string, number>();
    const batches = [
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14],
      [15, 16, 17, 18, 19, 20, 21, 22],
    ];
    for (const batch of batches) {
      sqlite.transaction(() => {
        for (const j of batch) {
          const response = id();
          const comment = id();
          owner.set(response, j);
          owner.set(comment, j);
          const person = people[j] as Respondent;
          sqlite.prepare("insert into responses values (?, 'round', ?)").run(response, person.overall);
          for (const item of ITEMS)
            sqlite
              .prepare("insert into answers values (?, 'round', ?, ?)")
              .run(response, item, stored(person.answers[item] ?? "dont_know"));
          sqlite.prepare("insert into comments values (?, 'round', 'purpose', ?)").run(comment, person.comment);
        }
      })();
    }
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const db = readFileSync(file);
    const batchOf = (j: number) => String(batches.findIndex((b) => b.includes(j)));
    const submission = people.map((_, j) => j);
    const [responses, answers, comments] = ["responses", "answers", "comments"].map(
      (table) => physicalScores(db, sqlite, table, owner, batchOf, MEMBERS).scores,
    );
    sqlite.close();
    expect(orderLeak("responses", responses ?? [], submission, batches)).toMatch(/^responses: tau -0\.9\d|^responses: tau -1\.00/);
    expect(orderLeak("comments", comments ?? [], submission, batches)).toMatch(/^comments: tau -0\.9\d|^comments: tau -1\.00/);
    expect(orderLeak("comments and responses", comments ?? [], responses ?? [], batches)).toMatch(
      /^comments and responses: tau 0\.9\d|^comments and responses: tau 1\.00/,
    );
    // Answers fill several pages, and SQLite rebuilds a page in key order when it splits it, so
    // little of their order survives on their own pages; but each answer names its response, whose
    // row gives the order away above.
    expect(answers?.length).toBe(MEMBERS);
  });

  it("finds DATA_DIR 0700, holding only the database files, 0600, when the server creates them", async () => {
    const root = mkdtempSync(join(tmpdir(), "netmirror-modes-"));
    dirs.push(root);
    const dataDir = join(root, "data");
    // No first admin: hashing a password would only slow the start.
    const server = await startServer({ dataDir, env: { SECRETS_DIR: join(root, "secrets"), ADMIN_EMAIL: "", ADMIN_PASSWORD: "" } });
    try {
      const modes = Object.fromEntries(
        [dataDir, ...readdirSync(dataDir).map((name) => join(dataDir, name))].map((path) => [
          path === dataDir ? "DATA_DIR" : basename(path),
          (statSync(path).mode & 0o777).toString(8),
        ]),
      );
      expect(Object.keys(modes)).toContain("netmirror.db");
      // Nothing but the database in DATA_DIR: a copy of it must not carry the key that opens pending answers.
      expect(Object.keys(modes).filter((name) => !/^(DATA_DIR|netmirror\.db(-wal|-shm)?)$/.test(name))).toEqual([]);
      expect(modes).toEqual(Object.fromEntries(Object.keys(modes).map((name) => [name, name === "DATA_DIR" ? "700" : "600"])));
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }, 40_000);
});
