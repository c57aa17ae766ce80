// The portfolio's reads, in SQL over the frozen per-round figures (round_figures): never a
// response, never a round's JSON. One query each, whatever the number of networks.
import { FIGURE_CODES, type FigureCode } from "../db/schema";
import type { Db } from "../lib/db";

/** One figure of a round: unrounded mean and sd of its respondent scores (null when not shown), and its change. */
export interface FigureValues {
  score: number | null;
  sd: number | null;
  n: number;
  delta: number | null;
  notable: boolean;
}

/** A closed round as the portfolio reads it. */
export interface RoundFigures {
  roundId: string;
  networkId: string;
  title: string;
  closedAt: Date;
  n: number;
  responseRate: number | null;
  confidence: "high" | "moderate" | "low";
  suppressed: boolean;
  figures: Record<FigureCode, FigureValues>;
}

const FIGURE_SELECT = FIGURE_CODES.map((c) => `f.${c}_score, f.${c}_sd, f.${c}_n, f.${c}_delta, f.${c}_notable`).join(", ");
const BASE = `select r.id, r.network_id, r.title, r.closed_at, f.n, f.response_rate, f.confidence, f.suppressed, ${FIGURE_SELECT}
  from rounds r join round_figures f on f.round_id = r.id
  where r.status = 'closed' and r.instrument_id = ? and r.instrument_version = ?`;

type Raw = Array<string | number | null>;

function fromRaw(row: Raw): RoundFigures {
  const figures = {} as Record<FigureCode, FigureValues>;
  FIGURE_CODES.forEach((code, i) => {
    const at = 8 + i * 5;
    figures[code] = {
      score: row[at] as number | null,
      sd: row[at + 1] as number | null,
      n: row[at + 2] as number,
      delta: row[at + 3] as number | null,
      notable: row[at + 4] === 1,
    };
  });
  return {
    roundId: row[0] as string,
    networkId: row[1] as string,
    title: row[2] as string,
    closedAt: new Date(row[3] as number),
    n: row[4] as number,
    responseRate: row[5] as number | null,
    confidence: row[6] as RoundFigures["confidence"],
    suppressed: row[7] === 1,
    figures,
  };
}

/** Which networks: every one (an administrator), or those a person holds a grant on. */
export type Scope = { all: true } | { userId: string };

const scoped = (scope: Scope) => ("all" in scope ? "" : " and r.network_id in (select network_id from grants where user_id = ?)");
const scopeParams = (scope: Scope) => ("all" in scope ? [] : [scope.userId]);

/**
 * Each network's latest closed round, and its latest unsuppressed one when that is older (the
 * portfolio average reads that), on one instrument version. Ordered by network, newest first.
 */
export function latestRounds(db: Db, scope: Scope, instrument: { id: string; version: number }): RoundFigures[] {
  // rounds_network_idx (network_id, closed_at) serves the partitions.
  const query = `select * from (
      select q.*, row_number() over (partition by network_id order by closed_at desc, id desc) as latest,
             row_number() over (partition by network_id, suppressed order by closed_at desc, id desc) as latest_of_kind
        from (${BASE}${scoped(scope)}) q)
    where latest = 1 or (suppressed = 0 and latest_of_kind = 1)
    order by network_id, closed_at desc, id desc`;
  const rows = db.$client
    .prepare(query)
    .raw()
    .all(instrument.id, instrument.version, ...scopeParams(scope)) as Raw[];
  return rows.map(fromRaw);
}

/** Every closed round of the networks in scope, oldest first: the over-time chart's input. */
export function allRounds(db: Db, scope: Scope, instrument: { id: string; version: number }): RoundFigures[] {
  const rows = db.$client
    .prepare(`${BASE}${scoped(scope)} order by r.closed_at, r.id`)
    .raw()
    .all(instrument.id, instrument.version, ...scopeParams(scope)) as Raw[];
  return rows.map(fromRaw);
}
