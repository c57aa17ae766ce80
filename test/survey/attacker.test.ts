// Issue 10 §1, tested as the attacker: someone who holds copies of DATA_DIR (without SECRETS_DIR),
// taken after every submission as a backup tool would take them, tries to tell which member wrote
// which comment and which answers. Only public behaviour is used: the HTTP routes to answer and to
// close, the files on disk, SQLite to open copies, and our own reader of SQLite's file format.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { candidateSets, kendallS, kendallTail, seededRandom } from "../support/attacker";
import { makeGrant, makeInvitation, makeMember, makeNetwork, makeRound, makeUser, sessionFor } from "../support/factories";
import { call } from "../support/http";
import { startServer } from "../support/server-process";
import { everyPageImage, type RecordValue, rowCells, rowPages } from "../support/sqlite-pages";

const K = 5;
const MEMBERS = 23;
const THEMES = ["purpose", "relationships", "communication", "governance", "value"];
const ITEMS = THEMES.flatMap((theme) => [1, 2, 3, 4, 5].map((i) => `${theme}.${i}`));
/** How unlikely chance must make an order before the test calls it a leak: the test's false-alarm rate. */
const FALSE_ALARM = 1e-6;

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

/** How an answer is stored: "don't know" as 0 (a reader of the files sees the stored number). */
const stored = (value: number | "dont_know") => (value === "dont_know" ? 0 : value);

/** A copy of DATA_DIR's files, taken when `submitted` members had submitted. */
interface Copy {
  label: string;
  /** A digest of every file's name and bytes: copies with nothing new are read once. */
  digest: string;
  submitted: number;
  closed: boolean;
  dir: string;
}

/** Copies every regular file of `dataDir` byte for byte, as a file-level backup would, while the app keeps its connection open. */
function takeCopy(dataDir: string, into: string, label: string, submitted: number, copies: Copy[], closed = false): Copy {
  const dir = join(into, `${pad(copies.length)}-${label}`);
  mkdirSync(dir);
  const digest = createHash("sha1");
  for (const name of readdirSync(dataDir)) {
    if (!statSync(join(dataDir, name)).isFile()) continue;
    copyFileSync(join(dataDir, name), join(dir, name));
    digest.update(name).update(readFileSync(join(dir, name)));
  }
  const copy = { label, digest: digest.digest("hex"), submitted, closed, dir };
  copies.push(copy);
  return copy;
}

/** (identifier, item, value) read off a row or record that looks like a stored answer. */
function answerOf(values: RecordValue[], roundId: string): { id: string; item: string; value: number } | undefined {
  const texts = values.filter((v): v is string => typeof v === "string");
  const item = texts.find((v) => ITEMS.includes(v));
  const id = texts.find((v) => v !== roundId && !ITEMS.includes(v) && v.length >= 8);
  const value = values.find((v) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 5);
  return item && id && typeof value === "number" ? { id, item, value } : undefined;
}

/**
 * Which respondents' answers can be recognised among these (identifier, item, value) triples: an
 * identifier whose answers fit one respondent's pattern and no one else's. Returns identifier → respondent.
 */
function recognise(triples: { id: string; item: string; value: number }[], people: Respondent[]): Map<string, number> {
  const byId = new Map<string, Map<string, number>>();
  for (const { id, item, value } of triples) {
    const answers = byId.get(id) ?? new Map<string, number>();
    answers.set(item, value);
    byId.set(id, answers);
  }
  const found = new Map<string, number>();
  for (const [id, answers] of byId) {
    const fits = people
      .map((person, j) => ({ person, j }))
      .filter(({ person }) => [...answers].every(([item, value]) => stored(person.answers[item] ?? "dont_know") === value));
    if (fits.length === 1 && fits[0]) found.set(id, fits[0].j);
  }
  return found;
}

const MARKER = Buffer.from("marker-");
/** "marker-NN-" and seven base-36 digits. */
const MARKER_LENGTH = 17;
/** Page image → the answers it holds, shared by all copies. */
const decoded = new Map<string, { id: string; item: string; value: number }[]>();
/** Whose marker a text holds, if any. */
const markerIn = (text: string): number | undefined => {
  const at = text.indexOf("marker-");
  return at < 0 ? undefined : Number(text.slice(at + 7, at + 9)) - 1;
};
const json = (value: unknown) => JSON.stringify(value, (_, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v));

interface Sighting {
  markers: Map<number, string>;
  patterns: Map<number, string>;
  /** table.column → lengths of the BLOB values seen there. */
  blobs: Map<string, number[]>;
  /** A day (YYYY-MM-DD) found on the same row as a member's comment, or on a row holding their response's id. */
  markerDays: Map<number, string>;
  patternDays: Map<number, string>;
  /** Every row present, named by its table and primary key. */
  keys: Set<string>;
  /** Every row present, named by its table, primary key and content. */
  versions: Set<string>;
}

/** Everything readable in one copy: the raw bytes of every file first, then the copy opened with SQLite. */
function readCopy(copy: Copy, people: Respondent[], roundId: string): Sighting {
  const markerOwner = new Map(people.map((person, j) => [person.marker, j]));
  const markers = new Map<number, string>();
  const patterns = new Map<number, string>();
  const blobs = new Map<string, number[]>();
  const keys = new Set<string>();
  const versions = new Set<string>();
  const markerDays = new Map<number, string>();
  const patternDays = new Map<number, string>();
  const files = readdirSync(copy.dir);
  for (const name of files) {
    const bytes = readFileSync(join(copy.dir, name));
    for (let at = bytes.indexOf(MARKER); at >= 0; at = bytes.indexOf(MARKER, at + 1)) {
      const j = markerOwner.get(bytes.toString("latin1", at, at + MARKER_LENGTH));
      if (j !== undefined && !markers.has(j)) markers.set(j, `the raw bytes of ${name}`);
    }
  }
  // Every page image in the database file and every frame of the WAL, decoded by hand.
  for (const name of files.filter((f) => !f.endsWith("-wal") && !f.endsWith("-shm"))) {
    const db = readFileSync(join(copy.dir, name));
    if (db.subarray(0, 15).toString("latin1") !== "SQLite format 3") continue;
    const wal = files.includes(`${name}-wal`) ? readFileSync(join(copy.dir, `${name}-wal`)) : undefined;
    const triples = new Map<string, { id: string; item: string; value: number }>();
    for (const page of everyPageImage(db, wal)) {
      // Most pages are the same from one copy to the next: decode each distinct image once.
      const hash = page.frame ?? createHash("sha1").update(page.image).digest("base64");
      let found = decoded.get(hash);
      if (!found) {
        found = rowCells(page).flatMap((cell) => answerOf(cell.values, roundId) ?? []);
        decoded.set(hash, found);
      }
      for (const triple of found) triples.set(`${triple.id} ${triple.item} ${triple.value}`, triple);
    }
    for (const j of recognise([...triples.values()], people).values())
      if (!patterns.has(j)) patterns.set(j, `the pages of ${name} and its WAL`);
  }
  // SQLite's own view of the copy (it reads the WAL copied beside the file).
  for (const name of files.filter((f) => !f.endsWith("-wal") && !f.endsWith("-shm"))) {
    if (readFileSync(join(copy.dir, name)).subarray(0, 15).toString("latin1") !== "SQLite format 3") continue;
    const sqlite = new Database(join(copy.dir, name), { readonly: true });
    try {
      const tables = sqlite.prepare("select name from sqlite_schema where type = 'table'").pluck().all() as string[];
      const triples: { id: string; item: string; value: number }[] = [];
      const everyRow: Record<string, RecordValue>[] = [];
      for (const table of tables) {
        const primaryKey = sqlite.prepare("select name from pragma_table_info(?) where pk > 0 order by pk").pluck().all(table) as string[];
        for (const row of sqlite.prepare(`select * from "${table}"`).all() as Record<string, RecordValue>[]) {
          const key = `${table} ${json(primaryKey.length > 0 ? primaryKey.map((column) => row[column]) : row)}`;
          keys.add(key);
          versions.add(`${key} ${createHash("sha1").update(json(row)).digest("base64")}`);
          for (const [column, value] of Object.entries(row)) {
            if (Buffer.isBuffer(value)) blobs.set(`${table}.${column}`, [...(blobs.get(`${table}.${column}`) ?? []), value.length]);
            const text = Buffer.isBuffer(value) ? value.toString("latin1") : String(value);
            people.forEach((person, j) => {
              if (!markers.has(j) && text.includes(person.marker)) markers.set(j, `table ${table}`);
            });
          }
          const answer = answerOf(Object.values(row), roundId);
          if (answer) triples.push(answer);
          everyRow.push(row);
        }
      }
      const responseOwner = recognise(triples, people);
      for (const j of responseOwner.values()) if (!patterns.has(j)) patterns.set(j, "SQLite's view of the copy");
      // Days kept beside what members wrote, to match against the invitations that changed that day.
      for (const row of everyRow) {
        const values = Object.values(row).filter((v): v is string => typeof v === "string");
        const day = values.find((v) => /^\d{4}-\d{2}-\d{2}/.test(v))?.slice(0, 10);
        if (!day) continue;
        for (const v of values) {
          const author = responseOwner.get(v);
          if (author !== undefined) patternDays.set(author, day);
          const writer = markerIn(v);
          if (writer !== undefined) markerDays.set(writer, day);
        }
      }
    } finally {
      sqlite.close();
    }
  }
  return { markers, patterns, blobs, markerDays, patternDays, keys, versions };
}

/** A row version's table and key (versions are the key and a digest of the content). */
const keyOf = (version: string) => version.slice(0, version.lastIndexOf(" "));

/**
 * A sharper reading, for a pool of pending responses: rows that arrived with a member's submission
 * (a key not there before) and were deleted later. While such a row is still there as it arrived,
 * that member's response is taken to be still waiting. Returns whether member m still has such a
 * row in copy i.
 */
function waitingRows(copies: Copy[], sightings: Sighting[]): (m: number, i: number) => boolean {
  const traces = Array.from({ length: MEMBERS }, (_, m) => {
    const before = sightings[copies.findLastIndex((copy) => copy.submitted === m && !copy.closed)];
    const after = copies.flatMap((copy, i) => (copy.submitted === m + 1 && !copy.closed ? [i] : []));
    const arrived = new Set(
      after.flatMap((i) => [...(sightings[i]?.versions ?? [])].filter((version) => !before?.keys.has(keyOf(version)))),
    );
    const first = Math.min(...after);
    return [...arrived].filter((version) => sightings.some((sighting, i) => i > first && !sighting.keys.has(keyOf(version))));
  });
  return (m, i) => (traces[m] ?? []).some((version) => sightings[i]?.versions.has(version));
}

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

/** The record of every leaf cell of every B-tree of `table`, with its page, physical offset and which values are its key. */
function cellsOf(db: Buffer, sqlite: Database.Database, table: string) {
  const trees = sqlite.prepare("select name, type, rootpage from sqlite_schema where tbl_name = ? and rootpage > 0").all(table) as {
    name: string;
    type: string;
    rootpage: number;
  }[];
  const primaryKey = (sqlite.prepare(`select count(*) from pragma_table_info(?) where pk > 0`).pluck().get(table) as number) || 1;
  return trees.flatMap((tree) =>
    rowPages(db, tree.rootpage).flatMap((page) =>
      page.cells.flatMap((cell) => [
        {
          page: `${tree.name}:${page.page}`,
          offset: cell.offset,
          values: cell.values,
          // An index's record is all key; a WITHOUT ROWID table's key is its primary key, first; a rowid table's is the rowid.
          key: tree.type === "index" ? cell.values : page.type === 0x0a ? cell.values.slice(0, primaryKey) : [],
        },
        // A rowid says the order of insertion outright: read as one more page, later rows lower down.
        ...(cell.rowid === undefined ? [] : [{ page: `${tree.name}:rowids`, offset: -cell.rowid, values: cell.values, key: [] }]),
      ]),
    ),
  );
}

/**
 * The attacker's reading of the order in which a table's rows were written: for each pair of
 * respondents, cells on the same page whose keys differ only in random identifiers vote by their
 * physical offsets; each respondent scores the pairs it wins (Copeland). Equal scores are ties.
 */
function physicalScores(db: Buffer, sqlite: Database.Database, table: string, owner: Map<string, number>, batchOf: (j: number) => string) {
  const votes = new Map<string, number>();
  const byPage = new Map<string, { j: number; offset: number; key: string }[]>();
  for (const cell of cellsOf(db, sqlite, table)) {
    const j = cell.values.map((v) => (typeof v === "string" ? (owner.get(v) ?? markerIn(v)) : undefined)).find((v) => v !== undefined);
    if (j === undefined) continue;
    const key = JSON.stringify(
      cell.key.map((v) => (typeof v === "string" && owner.has(v) ? "<id>" : typeof v === "bigint" ? String(v) : v)),
    );
    byPage.set(cell.page, [...(byPage.get(cell.page) ?? []), { j, offset: cell.offset, key }]);
  }
  let compared = 0;
  for (const cells of byPage.values()) {
    for (const a of cells) {
      for (const b of cells) {
        if (a.j >= b.j || batchOf(a.j) !== batchOf(b.j) || a.key !== b.key) continue;
        votes.set(`${a.j}:${b.j}`, (votes.get(`${a.j}:${b.j}`) ?? 0) + Math.sign(a.offset - b.offset));
        compared++;
      }
    }
  }
  const score = (j: number) => {
    let wins = 0;
    for (let other = 0; other < MEMBERS; other++) {
      if (other === j || batchOf(other) !== batchOf(j)) continue;
      const vote = j < other ? (votes.get(`${j}:${other}`) ?? 0) : -(votes.get(`${other}:${j}`) ?? 0);
      wins += Math.sign(vote);
    }
    return wins;
  };
  return { scores: Array.from({ length: MEMBERS }, (_, j) => score(j)), compared };
}

/**
 * Whether two orderings of the respondents agree within batches more than chance allows. Ties count
 * 0; breaking them at random would give exactly Kendall's null, and can at most halve the tail on
 * each of the two sides, so 4 × the exact tail bounds the chance of an agreement this strong.
 */
function orderLeak(what: string, x: number[], y: number[], batches: number[][]): string | undefined {
  const groups = batches.filter((b) => b.length >= 2);
  const s = groups.reduce(
    (sum, b) =>
      sum +
      kendallS(
        b.map((j) => x[j] ?? 0),
        b.map((j) => y[j] ?? 0),
      ),
    0,
  );
  const pairs = groups.reduce((sum, b) => sum + (b.length * (b.length - 1)) / 2, 0);
  const chance =
    4 *
    kendallTail(
      groups.map((b) => b.length),
      s,
    );
  if (chance >= FALSE_ALARM) return undefined;
  return `${what}: tau ${(s / pairs).toFixed(2)} over ${pairs} pairs in ${groups.length} batches (${groups.map((b) => b.length).join(", ")}); chance gives this with p ≤ ${chance.toExponential(1)}`;
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

    const waiting = waitingRows(copies, sightings);
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
        const { scores, compared } = physicalScores(db, sqlite, table, owner, batchOf);
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
      (table) => physicalScores(db, sqlite, table, owner, batchOf).scores,
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

describe("the attacker's tools", () => {
  it("works out candidate sets by one-to-one assignments", () => {
    // Two items seen when members 0 and 1 had submitted, a third once member 2 had too: the third is
    // member 2's, since the first two need members 0 and 1 between them.
    expect(
      candidateSets(
        [
          [0, 1],
          [0, 1],
          [0, 1, 2],
        ],
        3,
      ),
    ).toEqual([[0, 1], [0, 1], [2]]);
    expect(candidateSets([[0], [0]], 2)).toBeNull();
  });

  it("gives the exact chance of an order at least this far from random", () => {
    // 5 items: S = 10 only in the one increasing order, −10 only in the decreasing one.
    expect(kendallTail([5], 10)).toBeCloseTo(2 / 120, 12);
    // 3 items: |S| is 1 or 3, so |S| ≥ 1 always; |S| = 3 in 2 of 6 orders.
    expect(kendallTail([3], 1)).toBeCloseTo(1, 12);
    expect(kendallTail([3], 3)).toBeCloseTo(2 / 6, 12);
    // Four batches in perfect order at once.
    expect(kendallTail([5, 5, 5, 8], 58)).toBeCloseTo(2 / (120 ** 3 * 40320), 20);
    expect(kendallS([1, 2, 3], [3, 2, 1])).toBe(-3);
  });

  it("reads the same rows off the pages as SQLite does, in the WAL and in the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "netmirror-pages-"));
    dirs.push(dir);
    const file = join(dir, "pages.db");
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(`create table notes (id text primary key, body text, n integer) without rowid;
                 create table log (body text, n real)`);
    const notes = Array.from({ length: 200 }, (_, i) => [`note-${pad(i % 100)}-${i}`, "x".repeat(i % 3 === 0 ? 3000 : i), i * 1000]);
    for (const row of notes) sqlite.prepare("insert into notes values (?, ?, ?)").run(...row);
    sqlite.prepare("insert into log values ('one', 1.5), ('two', -2)").run();
    // Before a checkpoint everything is in the WAL's frames.
    const inWal = everyPageImage(readFileSync(file), readFileSync(`${file}-wal`)).flatMap((page) =>
      rowCells(page).map((cell) => cell.values[0]),
    );
    expect(inWal).toContain("note-07-107");
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const db = readFileSync(file);
    const root = (name: string) => sqlite.prepare("select rootpage from sqlite_schema where name = ?").pluck().get(name) as number;
    // Interior pages of a WITHOUT ROWID table hold rows too: 200 rows, some with overflow pages.
    const read = rowPages(db, root("notes")).flatMap((page) => page.cells.map((cell) => cell.values));
    const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(read.sort(byId)).toEqual((sqlite.prepare("select id, body, n from notes").raw().all() as unknown[][]).sort(byId));
    const log = rowPages(db, root("log")).flatMap((page) => page.cells.map((cell) => [cell.rowid, ...cell.values]));
    expect(log).toEqual([
      [1, "one", 1.5],
      [2, "two", -2],
    ]);
    sqlite.close();
  });
});
