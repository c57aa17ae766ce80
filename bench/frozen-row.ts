// The frozen results row (round_results), handled by column name so that the bench follows the
// table as the results code changes it.
import type { Db } from "../src/lib/db";

/** Its columns in storage order (SQLite stores a row's values in this order). */
export function frozenColumns(db: Db): string[] {
  return (db.$client.pragma("table_info(round_results)") as { name: string }[]).map((c) => c.name);
}

/** Bytes of each column of one round's row, e.g. { scores: 11422, summary: 181, … }. */
export function frozenSizes(db: Db, roundId: string): Record<string, number> {
  const columns = frozenColumns(db).filter((c) => c !== "round_id");
  const row = db.$client
    .prepare(`select ${columns.map((c) => `length("${c}") as "${c}"`).join(", ")} from round_results where round_id = ?`)
    .get(roundId);
  return (row ?? {}) as Record<string, number>;
}

/** "scores 11 KB, published 3 KB": the columns stored before `column`, which reading it walks past. */
export function before(sizes: Record<string, number>, columns: string[], column: string): string {
  return columns
    .slice(0, columns.indexOf(column))
    .filter((c) => c in sizes)
    .map((c) => `${c} ${Math.round((sizes[c] ?? 0) / 1024)} KB`)
    .join(", ");
}

/** Copies round `from`'s frozen row to round `to`: `copy(to, from)`. */
export function frozenCopier(db: Db): (to: string, from: string) => void {
  const columns = frozenColumns(db).filter((c) => c !== "round_id");
  const list = columns.map((c) => `"${c}"`).join(", ");
  const insert = db.$client.prepare(
    `insert into round_results (round_id, ${list}) select ?, ${list} from round_results where round_id = ?`,
  );
  return (to, from) => {
    insert.run(to, from);
  };
}

/** Reads one round's whole frozen row and parses every JSON value in it. */
export function readWholeRow(db: Db): (roundId: string) => unknown[] {
  const select = db.$client.prepare("select * from round_results where round_id = ?");
  return (roundId) =>
    Object.values((select.get(roundId) ?? {}) as Record<string, unknown>).map((v) =>
      typeof v === "string" && (v.startsWith("{") || v.startsWith("[")) ? JSON.parse(v) : v,
    );
}
