// The attacker's tools, checked on hand-worked cases: the SQLite page reader against SQLite itself,
// the candidate sets and the exact chance of an order (test/survey/attacker.test.ts relies on them).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { candidateSets, kendallS, kendallTail } from "../support/attacker";
import { everyPageImage, rowCells, rowPages } from "../support/sqlite-pages";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const pad = (n: number) => String(n).padStart(2, "0");

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
