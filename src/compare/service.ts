import { authorizeNetworks } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { NetworkRow } from "../db/schema";
import { latestVersion } from "../instrument";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { mapColumns } from "./map-columns";
import { closedRoundSummaries, type SummarisedRound } from "./round-summaries";
import type { Comparison } from "./schemas";

export interface CompareInput {
  networkIds: string[];
  /** Instrument id; rounds on its latest version are compared. */
  instrument: string;
}

/** A network with its summarised rounds, oldest first. */
export interface NetworkHistory {
  network: Pick<NetworkRow, "id" | "name" | "stage" | "timeZone">;
  rounds: SummarisedRound[];
}

/** The instrument version a comparison runs on: the latest, so that every figure means the same. */
export function comparedInstrument(id: string): { id: string; version: number } {
  const version = latestVersion(id);
  if (version === undefined) throw new Error(`Unknown instrument ${id}`);
  return { id, version };
}

/**
 * The histories of networks the caller may already see (e.g. from listNetworks), in the given
 * order. Only closed rounds count: one past its closing time joins them when the scheduled closer
 * (src/rounds/auto-close.ts, every minute) has closed it; reading here closes nothing.
 */
export function networkHistories(
  deps: { db: Db; clock: Clock },
  list: readonly NetworkHistory["network"][],
  instrument: { id: string; version: number },
): NetworkHistory[] {
  const rounds = closedRoundSummaries(
    deps.db,
    list.map((n) => n.id),
    instrument,
  );
  return list.map((n) => ({ network: { id: n.id, name: n.name, stage: n.stage, timeZone: n.timeZone }, rounds: rounds.get(n.id) ?? [] }));
}

/**
 * Compares networks side by side over time: their closed rounds on one instrument, aggregates
 * only (no comments, no item figures). 404 for the whole request if any network may not be seen.
 * @example compareNetworks(deps, actor, { networkIds: ["a", "b"], instrument: "core" })
 */
export function compareNetworks(deps: { db: Db; clock: Clock }, actor: Actor | null, input: CompareInput): Comparison {
  const { networks: allowed } = authorizeNetworks(deps.db, actor, input.networkIds, "view");
  const instrument = comparedInstrument(input.instrument);
  const histories = networkHistories(
    deps,
    allowed.map((a) => a.network),
    instrument,
  );
  const maps = mapColumns(
    deps.db,
    histories.map(({ network }) => network.id),
  );
  return {
    instrument,
    networks: histories.map(({ network, rounds }) => ({
      ...network,
      // Only rounds with the connections module carry the map's figures.
      rounds: rounds.map(({ overallChange: _, ...round }) => {
        const map = maps.get(round.id);
        return map ? { ...round, map } : round;
      }),
    })),
  };
}
