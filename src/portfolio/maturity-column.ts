// The maturity matrix's column in the heatmap: one cell, "maturity now", per network.
//
// Why one column and not eight: a commissioner scans hundreds of rows; eight more columns of
// levels would push the heatmap past the page at 1280 px and out of the board PDF, and the eight
// medians of one network are already side by side on the compare page (its "Maturity now" table),
// one click away. So the heatmap shows the middle level of the network's dimensions: the lower
// median (as the matrix's own scoring takes medians) of the dimensions whose current median is
// shown, e.g. "2 Developing". It needs at least half of the dimensions shown, so that a network
// where most dimensions had too few answers is not summed up by one or two of them.
import { portfolioMessages } from "../i18n/portfolio";
import type { Lang } from "../instrument";
import type { Db } from "../lib/db";
import { MATURITY_V1 } from "../maturity/matrix-v1";
import type { ColumnProvider, ProvidedCell } from "./columns";

/** Fewest dimensions with a shown median for the column to show a level. */
export const MATURITY_MIN_DIMENSIONS = Math.ceil(MATURITY_V1.dimensions.length / 2);

/** The lower median of the shown dimensions' medians; null when fewer than MATURITY_MIN_DIMENSIONS are shown. */
export function maturityNow(medians: Record<string, number | null>): number | null {
  const shown = MATURITY_V1.dimensions
    .map((d) => medians[d.code])
    .filter((x): x is number => typeof x === "number")
    .sort((a, b) => a - b);
  if (shown.length < MATURITY_MIN_DIMENSIONS) return null;
  return shown[Math.floor((shown.length - 1) / 2)] ?? null;
}

type Row = [string, string, number, string | null];

/** The rounds' modules, suppression and frozen medians (RoundSummary.maturity), by round id. */
function frozenMedians(db: Db, roundIds: readonly string[]) {
  if (roundIds.length === 0) return [];
  return db.$client
    .prepare(
      `select r.id, r.modules, coalesce(json_extract(s.summary, '$.suppressed'), 0), json_extract(s.summary, '$.maturity')
      from rounds r left join round_results s on s.round_id = r.id
      where r.id in (select value from json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(roundIds)) as Row[];
}

function cellOf([, modules, suppressed, medians]: Row, lang: Lang): ProvidedCell {
  const m = portfolioMessages(lang);
  const asked = (JSON.parse(modules) as string[]).includes("maturity");
  if (!asked) return { text: m.notAsked, value: null, status: "not_asked" };
  const level = suppressed === 1 || medians === null ? null : maturityNow(JSON.parse(medians) as Record<string, number | null>);
  if (level === null) return { text: m.tooFew, value: null, status: "too_few_answers" };
  const word = MATURITY_V1.levels[level - 1]?.title[lang] ?? "";
  return { text: `${level} ${word}`, value: level, status: "shown" };
}

export const MATURITY_PROVIDER: ColumnProvider = {
  key: "maturityNow",
  title: (lang) => portfolioMessages(lang).maturityNow,
  csvTitle: (lang) => portfolioMessages(lang).maturityNowCsv,
  description:
    "Where members put the network now: the lower median of the maturity dimensions' current medians (1 Emerging … 4 Thriving), " +
    `shown when at least ${MATURITY_MIN_DIMENSIONS} dimensions have enough answers`,
  cells: (db, roundIds, lang) => new Map(frozenMedians(db, roundIds).map((row) => [row[0], cellOf(row, lang)])),
};
