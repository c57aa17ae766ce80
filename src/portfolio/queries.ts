// The portfolio's reads, in SQL over the frozen per-round figures (round_figures): never a
// response, never a round's JSON. One query each, whatever the number of networks.
import { FIGURE_CODES, type FigureCode, type Stage } from "../db/schema";
import type { Db } from "../lib/db";
import type { PortfolioNetwork } from "./figures";

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

/** A closed round's scores alone: what the over-time chart and the choice of each network's latest rounds need. */
export interface RoundScoreRow {
  roundId: string;
  networkId: string;
  closedAt: Date;
  suppressed: boolean;
  scores: Record<FigureCode, number | null>;
}

/** The scores of a round read in full. */
export const scoresOf = (round: RoundFigures): RoundScoreRow => ({
  roundId: round.roundId,
  networkId: round.networkId,
  closedAt: round.closedAt,
  suppressed: round.suppressed,
  scores: Object.fromEntries(FIGURE_CODES.map((c) => [c, round.figures[c].score])) as Record<FigureCode, number | null>,
});

const SCORES_SQL = `select r.id, r.network_id, r.closed_at, f.suppressed, ${FIGURE_CODES.map((c) => `f.${c}_score`).join(", ")}
  from rounds r join round_figures f on f.round_id = r.id
  where r.status = 'closed' and r.instrument_id = ? and r.instrument_version = ?`;

/**
 * Every closed round of the networks in scope that has figures to show (too few answers left out),
 * in no particular order: nine small columns a round, so that a national portfolio's 24,000 rounds
 * read quickly.
 */
export function roundScores(db: Db, scope: Scope, instrument: { id: string; version: number }): RoundScoreRow[] {
  // Unordered: sorting 24,000 rows took a third of the time, and overTime needs no order.
  const rows = db.$client
    .prepare(`${SCORES_SQL} and f.suppressed = 0${scoped(scope)}`)
    .raw()
    .all(instrument.id, instrument.version, ...scopeParams(scope)) as Raw[];
  return rows.map((row) => {
    const scores = {} as Record<FigureCode, number | null>;
    FIGURE_CODES.forEach((code, i) => {
      scores[code] = row[4 + i] as number | null;
    });
    return {
      roundId: row[0] as string,
      networkId: row[1] as string,
      closedAt: new Date(row[2] as number),
      suppressed: row[3] === 1,
      scores,
    };
  });
}

/**
 * Each network's latest closed round, and its latest unsuppressed one when that is older (the
 * portfolio average reads that), on one instrument version. Ordered by network, newest first.
 * Per network, two lookups walk rounds_network_idx (network_id, closed_at) from the newest; then
 * only those rounds' figures are read: never all rounds of a national portfolio.
 */
export function latestRounds(db: Db, scope: Scope, instrument: { id: string; version: number }): RoundFigures[] {
  const newest = (unsuppressed: boolean) => `(select r.id from rounds r join round_figures f on f.round_id = r.id
      where r.network_id = g.network_id and r.status = 'closed' and r.instrument_id = @instrument and r.instrument_version = @version
      ${unsuppressed ? "and f.suppressed = 0" : ""} order by r.closed_at desc, r.id desc limit 1)`;
  const from = "all" in scope ? "(select id as network_id from networks)" : "(select network_id from grants where user_id = @user)";
  const params = { instrument: instrument.id, version: instrument.version, ...("all" in scope ? {} : { user: scope.userId }) };
  const pairs = db.$client
    .prepare(`select ${newest(false)}, ${newest(true)} from ${from} g`)
    .raw()
    .all(params) as [string | null, string | null][];
  const ids = [...new Set(pairs.flat().filter((id): id is string => id !== null))];
  if (ids.length === 0) return [];
  const rows = db.$client
    .prepare(`${BASE} and r.id in (select value from json_each(?)) order by r.network_id, r.closed_at desc, r.id desc`)
    .raw()
    .all(instrument.id, instrument.version, JSON.stringify(ids)) as Raw[];
  return rows.map(fromRaw);
}

/** The networks in scope, by name: the heatmap's rows (what listNetworks gives, in one query). */
export function portfolioNetworks(db: Db, scope: Scope): PortfolioNetwork[] {
  const where = "all" in scope ? "" : " where id in (select network_id from grants where user_id = ?)";
  const rows = db.$client
    .prepare(`select id, name, stage, time_zone from networks${where} order by name`)
    .raw()
    .all(...scopeParams(scope)) as [string, string, Stage, string][];
  return rows.map(([id, name, stage, timeZone]) => ({ id, name, stage, timeZone }));
}
