// The network map's columns in the heatmap: how many possible partnerships are active ("4 in 10"),
// and the network's trust and value as 0–100 scores, read from each round's frozen map.
import { portfolioMessages } from "../i18n/portfolio";
import type { Lang } from "../instrument";
import type { Db } from "../lib/db";
import { formatterFor } from "../lib/format";
import { roundTo } from "../results/rounding";
import type { ColumnProvider, ProvidedCell } from "./columns";

type MapFigures = { asked: boolean; suppressed: boolean; density: number | null; trust: number | null; value: number | null };

/**
 * Density and the trust and value scores of the given rounds' frozen maps, by round id. Only the
 * fields needed are extracted in SQL; a round with no frozen map did not ask the connections module.
 */
function mapFigures(db: Db, roundIds: readonly string[]): Map<string, MapFigures> {
  if (roundIds.length === 0) return new Map();
  const rows = db.$client
    .prepare(
      `select r.id, m.round_id is not null, coalesce(json_extract(m.map, '$.map.suppressed'), 0),
        json_extract(m.map, '$.map.metrics.density'), json_extract(m.map, '$.map.metrics.trust.score'),
        json_extract(m.map, '$.map.metrics.value.score')
      from rounds r left join round_network_maps m on m.round_id = r.id
      where r.id in (select value from json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(roundIds)) as [string, number, number, number | null, number | null, number | null][];
  return new Map(
    rows.map(([id, asked, suppressed, density, trust, value]) => [
      id,
      { asked: asked === 1, suppressed: suppressed === 1, density, trust, value },
    ]),
  );
}

/** A map figure's cell: "not asked" without the module, "too few answers" when suppressed or not shown. */
function cellOf(figures: MapFigures, value: number | null, text: (x: number) => string, lang: Lang): ProvidedCell {
  const m = portfolioMessages(lang);
  if (!figures.asked) return { text: m.notAsked, value: null, status: "not_asked" };
  if (figures.suppressed || value === null) return { text: m.tooFew, value: null, status: "too_few_answers" };
  return { text: text(value), value, status: "shown" };
}

/** Density in plain words, as the report says it: "4 in 10", "under 1 in 10" for a sparse map. */
export function densityText(density: number, lang: Lang): string {
  const m = portfolioMessages(lang);
  const inTen = roundTo(density * 10, 0);
  return density > 0 && inTen < 1 ? m.underOneInTen : m.inTen(formatterFor(lang).count(inTen));
}

function provider(
  key: string,
  pick: (f: MapFigures) => number | null,
  text: (x: number, lang: Lang) => string,
  words: (lang: Lang) => { title: string; csv: string },
  description: string,
): ColumnProvider {
  return {
    key,
    title: (lang) => words(lang).title,
    csvTitle: (lang) => words(lang).csv,
    description,
    cells(db, roundIds, lang, reads = new Map()) {
      // The three map columns read the same rows: the first reads, the others reuse its read.
      let figures = reads.get("map") as Map<string, MapFigures> | undefined;
      if (!figures) {
        figures = mapFigures(db, roundIds);
        reads.set("map", figures);
      }
      return new Map([...figures].map(([id, f]) => [id, cellOf(f, pick(f), (x) => text(x, lang), lang)]));
    },
  };
}

const score = (x: number, lang: Lang) => formatterFor(lang).score(x);

/** Density, trust and value, in that order. */
export const MAP_PROVIDERS: readonly ColumnProvider[] = [
  provider(
    "mapDensity",
    (f) => f.density,
    densityText,
    (lang) => ({ title: portfolioMessages(lang).mapDensity, csv: portfolioMessages(lang).mapDensityCsv }),
    "The network map's density: active partnerships ÷ possible pairs of organisations (0–1, 3 dp)",
  ),
  provider(
    "mapTrust",
    (f) => f.trust,
    score,
    (lang) => ({ title: portfolioMessages(lang).mapTrust, csv: portfolioMessages(lang).mapTrustCsv }),
    "The network's trust between organisations as a score 0–100 (1 dp): null when no organisation had enough ratings",
  ),
  provider(
    "mapValue",
    (f) => f.value,
    score,
    (lang) => ({ title: portfolioMessages(lang).mapValue, csv: portfolioMessages(lang).mapValueCsv }),
    "The network's value of working together as a score 0–100 (1 dp): null when no organisation had enough ratings",
  ),
];
