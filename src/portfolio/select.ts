// Filtering, sorting and paging the heatmap's rows: what the GET form and the column links ask.
import type { FigureCode } from "../db/schema";
import type { Db } from "../lib/db";
import { COLUMN_PROVIDERS } from "./columns";
import type { HeatmapRow } from "./figures";
import { HEATMAP_PAGE_SIZE, type HeatmapOptions, type SortKey } from "./schemas";

const FIGURE_KEYS = new Set<string>(["overall", "purpose", "relationships", "communication", "governance", "value"]);

/** An added column's numbers by round id, for sorting by it. */
type ProvidedValues = ReadonlyMap<string, number | null>;

/** The value a row sorts by; null sorts last whichever the order. */
function sortValue(row: HeatmapRow, key: SortKey, provided?: ProvidedValues): number | string | null {
  if (key === "name") return row.network.name;
  if (provided) return row.round ? (provided.get(row.round.roundId) ?? null) : null;
  if (FIGURE_KEYS.has(key)) return row.cells[key as FigureCode].shown;
  if (key === "respondents") return row.round?.n ?? null;
  if (key === "responseRate") return row.round?.responseRate ?? null;
  return row.round?.closedAt.getTime() ?? null;
}

/** The order a column sorts in unless asked: names A–Z, figures and dates highest first. */
export const defaultDirection = (key: SortKey): "asc" | "desc" => (key === "name" ? "asc" : "desc");

/** Rows at the stage and with a latest round closed between the dates (whole UTC days), sorted. */
export function selectRows(
  rows: readonly HeatmapRow[],
  options: Pick<HeatmapOptions, "sort" | "dir" | "stage" | "from" | "to">,
  provided?: ProvidedValues,
) {
  const from = options.from ? Date.parse(`${options.from}T00:00:00Z`) : null;
  const to = options.to ? Date.parse(`${options.to}T00:00:00Z`) + 86_400_000 : null;
  const kept = rows.filter((row) => {
    if (options.stage !== "all" && row.network.stage !== options.stage) return false;
    if (from === null && to === null) return true;
    const closed = row.round?.closedAt.getTime();
    return closed !== undefined && (from === null || closed >= from) && (to === null || closed < to);
  });
  const sign = (options.dir ?? defaultDirection(options.sort)) === "asc" ? 1 : -1;
  const byName = (a: HeatmapRow, b: HeatmapRow) =>
    a.network.name.localeCompare(b.network.name, "en") || a.network.id.localeCompare(b.network.id);
  return kept.sort((a, b) => {
    const x = sortValue(a, options.sort, provided);
    const y = sortValue(b, options.sort, provided);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    if (typeof x === "string" && typeof y === "string") return sign * x.localeCompare(y, "en") || byName(a, b);
    return sign * ((x as number) - (y as number)) || byName(a, b);
  });
}

/**
 * selectRows for a page or an export: sorting by an added column reads that column's frozen values
 * for every network's latest round (a few fields each), and only then.
 */
export function selectRowsIn(db: Db, rows: readonly HeatmapRow[], options: Pick<HeatmapOptions, "sort" | "dir" | "stage" | "from" | "to">) {
  const provider = COLUMN_PROVIDERS.find((p) => p.key === options.sort);
  if (!provider) return selectRows(rows, options);
  const cells = provider.cells(
    db,
    rows.flatMap((r) => (r.round ? [r.round.roundId] : [])),
    "en",
  );
  return selectRows(rows, options, new Map([...cells].map(([id, cell]) => [id, cell.value])));
}

/** One page of rows, and how many pages there are (at least one). */
export function pageOf<T>(rows: readonly T[], page: number, size = HEATMAP_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(page, pages);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages };
}
