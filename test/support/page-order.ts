// Whether the physical order of cells in a checkpointed database file says in which order rows were
// written: cell offsets compared page by page, and an exact bound on how often chance does as well.
import type Database from "better-sqlite3";
import { kendallS, kendallTail } from "./attacker";
import { markerIn } from "./data-copies";
import { rowPages } from "./sqlite-pages";

/** How unlikely chance must make an order before it counts as a leak: the checks' false-alarm rate. */
export const FALSE_ALARM = 1e-6;

/** The record of every cell holding a row in every B-tree of `table`, with its page, physical offset and which values are its key. */
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
          key: tree.type === "index" ? cell.values : page.type === 0x0d ? [] : cell.values.slice(0, primaryKey),
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
export function physicalScores(
  db: Buffer,
  sqlite: Database.Database,
  table: string,
  owner: Map<string, number>,
  batchOf: (j: number) => string,
  members: number,
) {
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
    for (let other = 0; other < members; other++) {
      if (other === j || batchOf(other) !== batchOf(j)) continue;
      const vote = j < other ? (votes.get(`${j}:${other}`) ?? 0) : -(votes.get(`${other}:${j}`) ?? 0);
      wins += Math.sign(vote);
    }
    return wins;
  };
  return { scores: Array.from({ length: members }, (_, j) => score(j)), compared };
}

/**
 * Whether two orderings of the respondents agree within batches more than chance allows. Ties count
 * 0; breaking them at random would give exactly Kendall's null, and can at most halve the tail on
 * each of the two sides, so 4 × the exact tail bounds the chance of an agreement this strong.
 */
export function orderLeak(what: string, x: number[], y: number[], batches: number[][]): string | undefined {
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
