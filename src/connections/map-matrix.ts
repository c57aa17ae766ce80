import type { LayoutNode, LayoutTie } from "./map-layout";

/** One cell of a matrix row: a tie's level, or `colspan` neighbouring columns without a tie (null: one). */
export type MatrixCell = { level: number | null; text: string; colspan: number | null };

/**
 * Every tie of a large network as a table: rows and columns are the organisations in name order
 * (columns numbered, to fit), a cell the tie's level. Neighbouring columns without a tie are one
 * empty cell spanning them: at 60 organisations that is about a third of the 3,600 cells, and
 * Chromium's layout and tagged PDF cost grows with every cell (the matrix page was most of the
 * map's cost in the report bench). What the map leaves out above 40 organisations
 * (cooperate-level ties) is here.
 *
 * @example adjacencyMatrix(nodes, ties).rows[0].cells[0] // { level: null, text: "", colspan: 3 }
 */
export function adjacencyMatrix(nodes: LayoutNode[], ties: LayoutTie[]) {
  const sorted = [...nodes].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const levelOf = new Map<string, number>();
  for (const tie of ties) {
    levelOf.set(`${tie.a}\u0000${tie.b}`, tie.level);
    levelOf.set(`${tie.b}\u0000${tie.a}`, tie.level);
  }
  return {
    columns: sorted.map((_, i) => String(i + 1)),
    rows: sorted.map((row, i) => ({
      number: String(i + 1),
      name: row.name,
      cells: runs(sorted.map((column) => levelOf.get(`${row.id}\u0000${column.id}`) ?? null)),
    })),
  };
}

/** Levels as cells, each run of columns without a tie merged into one spanning cell. */
function runs(levels: Array<number | null>): MatrixCell[] {
  const cells: MatrixCell[] = [];
  for (const level of levels) {
    const last = cells.at(-1);
    if (level === null && last?.level === null) last.colspan = (last.colspan ?? 1) + 1;
    else cells.push({ level, text: level === null ? "" : String(level), colspan: null });
  }
  return cells;
}
