// Columns other modules add to the heatmap (the network map's density, trust and value; the
// maturity matrix's current level): each provider reads its own frozen values for the latest
// rounds shown, a handful of small JSON fields per round, never an answer.
import type { Lang } from "../instrument";
import type { Db } from "../lib/db";
import { MAP_PROVIDERS } from "./map-columns";
import { MATURITY_PROVIDER } from "./maturity-column";

/** Why a cell has no figure: the round did not ask the module, or too few answered it. */
export const CELL_STATUSES = ["shown", "too_few_answers", "not_asked"] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

/** One cell of an added column: the text shown and the number it sorts and exports by (null unless shown). */
export interface ProvidedCell {
  text: string;
  value: number | null;
  status: CellStatus;
}

export interface ColumnProvider {
  /** Stable key, used in the API, sort links and the order of CSV columns. */
  key: string;
  title(lang: Lang): string;
  /** The CSV header: the title with the unit the exported number is in. */
  csvTitle(lang: Lang): string;
  /** What the number means, for the OpenAPI document. */
  description: string;
  /**
   * The cells of the given rounds, by round id; rounds missing from the map show nothing. Providers
   * that read the same frozen values (the network map's three columns) share one read through
   * `reads`, made afresh for each set of columns.
   */
  cells(db: Db, roundIds: readonly string[], lang: Lang, reads?: Map<string, unknown>): Map<string, ProvidedCell>;
}

/** The keys of the added columns, in order (the API's schema and the sort keys are built from them). */
export const PROVIDED_KEYS = ["mapDensity", "mapTrust", "mapValue", "maturityNow"] as const;
export type ProvidedKey = (typeof PROVIDED_KEYS)[number];

/** The heatmap's added columns, in order. */
export const COLUMN_PROVIDERS: readonly ColumnProvider[] = [...MAP_PROVIDERS, MATURITY_PROVIDER];

/** Every provider's cells for the rounds shown, and their titles. */
export function providedColumns(db: Db, roundIds: readonly string[], lang: Lang, providers = COLUMN_PROVIDERS) {
  const reads = new Map<string, unknown>();
  return providers.map((p) => ({
    key: p.key,
    title: p.title(lang),
    csvTitle: p.csvTitle(lang),
    cells: p.cells(db, roundIds, lang, reads),
  }));
}
export type ProvidedColumns = ReturnType<typeof providedColumns>;

/**
 * The columns for a page or the board summary: a column no round shown asked about (e.g. no
 * network uses the network map) is left out, since a column of "not asked" says nothing and the
 * table must stay inside the page. The CSV and the API keep every column, so their shape never changes.
 */
export function askedColumns(db: Db, roundIds: readonly string[], lang: Lang): ProvidedColumns {
  return providedColumns(db, roundIds, lang).filter((column) => [...column.cells.values()].some((cell) => cell.status !== "not_asked"));
}
