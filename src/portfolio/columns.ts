// Columns other modules add to the heatmap (the network map's density, trust and value; the
// maturity matrix's current median): each provider reads its own frozen values for the latest
// rounds shown. None is registered here yet; they are added to COLUMN_PROVIDERS where they are built.
import type { Lang } from "../instrument";
import type { Db } from "../lib/db";

/** One cell of an added column: the text shown and the number it sorts and exports by. */
export interface ProvidedCell {
  text: string;
  value: number | null;
}

export interface ColumnProvider {
  /** Stable key, used in CSV headers and sort links. */
  key: string;
  title(lang: Lang): string;
  /** The cells of the given rounds, by round id; rounds missing from the map show nothing. */
  cells(db: Db, roundIds: readonly string[], lang: Lang): Map<string, ProvidedCell>;
}

/** The heatmap's added columns, in order. */
export const COLUMN_PROVIDERS: readonly ColumnProvider[] = [];

/** Every provider's cells for the rounds shown, and their titles. */
export function providedColumns(db: Db, roundIds: readonly string[], lang: Lang, providers = COLUMN_PROVIDERS) {
  return providers.map((p) => ({ key: p.key, title: p.title(lang), cells: p.cells(db, roundIds, lang) }));
}
export type ProvidedColumns = ReturnType<typeof providedColumns>;
