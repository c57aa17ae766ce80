import type { LayoutNode, LayoutTie } from "./map-layout";

/**
 * Every tie of a large network as a table: rows and columns are the organisations in name order
 * (columns numbered, to fit), a cell the tie's level or empty. What the map leaves out above 40
 * organisations (cooperate-level ties) is here.
 *
 * @example adjacencyMatrix(nodes, ties).rows[0].cells[1].level // 3
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
      cells: sorted.map((column) => {
        const level = levelOf.get(`${row.id}\u0000${column.id}`) ?? null;
        return { level, text: level === null ? "" : String(level) };
      }),
    })),
  };
}
