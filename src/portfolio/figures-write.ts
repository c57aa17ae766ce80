// Writing a closed round's row of portfolio figures, beside its frozen results. Called wherever
// results are frozen or their change is worked out again, so the row always says what they say.
import { eq } from "drizzle-orm";
import { FIGURE_CODES, type RoundRow, rounds } from "../db/schema";
import type { Db } from "../lib/db";
import { type Published, responseRateOf } from "../results/closing-results";
import { confidenceOf } from "../results/confidence";
import { type FrozenResults, frozenPublished, frozenResults } from "../results/frozen";

interface Figure {
  shown: boolean;
  score: number | null;
  sd: number | null;
  n: number;
}

/** The row of `round_figures` for a round: unrounded figures (null when not shown) and published change. */
export function figuresRow(round: RoundRow, frozen: FrozenResults, published: Published): Record<string, unknown> {
  const { scores, invited } = frozen;
  const rate = responseRateOf(round, scores.n, invited);
  const row: Record<string, unknown> = {
    roundId: round.id,
    n: scores.n,
    responseRate: published.responseRate,
    confidence: confidenceOf(rate, scores.n),
    suppressed: scores.suppressed || published.suppressed,
  };
  if (scores.suppressed || published.suppressed) return row;
  for (const code of FIGURE_CODES) {
    const figure: Figure | undefined = code === "overall" ? scores.overall : scores.themes.find((t) => t.code === code);
    const change = code === "overall" ? published.overall.change : published.themes.find((t) => t.code === code)?.change;
    if (!figure) continue;
    // A hidden figure keeps only its count: nothing read from this row can show it.
    row[`${code}Score`] = figure.shown ? figure.score : null;
    row[`${code}Sd`] = figure.shown ? figure.sd : null;
    row[`${code}N`] = figure.n;
    row[`${code}Delta`] = figure.shown ? (change?.delta ?? null) : null;
    row[`${code}Notable`] = figure.shown && (change?.notable ?? false);
  }
  return row;
}

const COLUMNS = [
  "round_id",
  "n",
  "response_rate",
  "confidence",
  "suppressed",
  ...FIGURE_CODES.flatMap((c) => [`${c}_score`, `${c}_sd`, `${c}_n`, `${c}_delta`, `${c}_notable`]),
];
const KEYS = [
  "roundId",
  "n",
  "responseRate",
  "confidence",
  "suppressed",
  ...FIGURE_CODES.flatMap((c) => [`${c}Score`, `${c}Sd`, `${c}N`, `${c}Delta`, `${c}Notable`]),
];
// Named columns only: the table's typed columns are generated per figure, so this writes them by name.
const UPSERT = `insert or replace into round_figures (${COLUMNS.join(", ")}) values (${COLUMNS.map(() => "?").join(", ")})`;
const DEFAULTS: Record<string, unknown> = Object.fromEntries(FIGURE_CODES.map((c) => [`${c}N`, 0]));

/** Writes (or rewrites) the round's figures row; call in the transaction that stores its published results. */
export function storeRoundFigures(db: Db, round: RoundRow, frozen: FrozenResults, published: Published): void {
  const row = { ...DEFAULTS, ...figuresRow(round, frozen, published) };
  const values = KEYS.map((key) => {
    const value = row[key] ?? null;
    return typeof value === "boolean" ? Number(value) : value;
  });
  db.$client.prepare(UPSERT).run(...values);
}

const MISSING_SQL = `select r.round_id from round_results r left join round_figures f on f.round_id = r.round_id where f.round_id is null`;

/**
 * Closed rounds frozen before portfolio figures existed (or in a database restored from then) get
 * their row, from the frozen values alone. Returns how many rows it wrote.
 */
export function backfillRoundFigures(db: Db): number {
  const ids = (db.$client.prepare(MISSING_SQL).raw().all() as [string][]).map(([id]) => id);
  db.transaction(() => {
    for (const id of ids) {
      const round = db.select().from(rounds).where(eq(rounds.id, id)).get();
      const frozen = frozenResults(db, id);
      const published = frozenPublished(db, id);
      if (round && frozen && published) storeRoundFigures(db, round, frozen, published);
    }
  });
  return ids.length;
}
