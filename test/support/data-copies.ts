// Copies of DATA_DIR and what someone holding them can read in each: markers and answer patterns
// (in the raw bytes, in hand-decoded pages and WAL frames, and through SQLite), sealed sizes, days,
// and which rows came and went. Used by test/survey/attacker.test.ts.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { everyPageImage, type RecordValue, rowCells } from "./sqlite-pages";

/** What a member wrote, as the test knows it: a unique marker at the start of a comment, and answers by item code. */
export interface Respondent {
  marker: string;
  answers: Record<string, number | "dont_know">;
}

/** An item code of the core instrument ("purpose.1" … "value.5"). */
const isItem = (text: string) => /^(purpose|relationships|communication|governance|value)\.[1-5]$/.test(text);

/** How an answer is stored: "don't know" as 0 (a reader of the files sees the stored number). */
export const stored = (value: number | "dont_know") => (value === "dont_know" ? 0 : value);

/** A copy of DATA_DIR's files, taken when `submitted` members had submitted. */
export interface Copy {
  label: string;
  /** A digest of every file's name and bytes: copies with nothing new are read once. */
  digest: string;
  submitted: number;
  closed: boolean;
  dir: string;
}

/** Copies every regular file of `dataDir` byte for byte, as a file-level backup would, while the app keeps its connection open. */
export function takeCopy(dataDir: string, into: string, label: string, submitted: number, copies: Copy[], closed = false): Copy {
  const dir = join(into, `${String(copies.length).padStart(2, "0")}-${label}`);
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
export function answerOf(values: RecordValue[], roundId: string): { id: string; item: string; value: number } | undefined {
  const texts = values.filter((v): v is string => typeof v === "string");
  const item = texts.find((v) => isItem(v));
  const id = texts.find((v) => v !== roundId && !isItem(v) && v.length >= 8);
  const value = values.find((v) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 5);
  return item && id && typeof value === "number" ? { id, item, value } : undefined;
}

/**
 * Which respondents' answers can be recognised among these (identifier, item, value) triples: an
 * identifier whose answers fit one respondent's pattern and no one else's. Returns identifier → respondent.
 */
export function recognise(triples: { id: string; item: string; value: number }[], people: Respondent[]): Map<string, number> {
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
export const markerIn = (text: string): number | undefined => {
  const at = text.indexOf("marker-");
  return at < 0 ? undefined : Number(text.slice(at + 7, at + 9)) - 1;
};
const json = (value: unknown) => JSON.stringify(value, (_, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v));

export interface Sighting {
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
export function readCopy(copy: Copy, people: Respondent[], roundId: string): Sighting {
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
export function waitingRows(copies: Copy[], sightings: Sighting[], members: number): (m: number, i: number) => boolean {
  const traces = Array.from({ length: members }, (_, m) => {
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
