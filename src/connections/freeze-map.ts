import { eq } from "drizzle-orm";
import type { RoundRow } from "../db/schema";
import { roundNetworkMaps } from "../db/schema/round-network-maps";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { closedRoundsAfter, closedRoundsBefore } from "../rounds/closed-rounds";
import { frozenNetworkMap, type MapChange, type StoredNetworkMap } from "./frozen-map";
import { mapChange } from "./map-change";
import { mapFromReports } from "./map-metrics";
import { mapPositions } from "./map-positions";
import { loadMapReports } from "./queries";

/**
 * The rules frozen maps are worked out under; raise it when a rule changes what may be shown or
 * what is kept. 2: the drawing's positions are kept with the map.
 */
export const MAP_FORMAT = 2;

/** True when the round asked the connections questions. */
export const hasConnections = (round: Pick<RoundRow, "modules">) => (round.modules ?? []).includes("connections");

/**
 * The network's closed round with the module just before `round` whose map is shown: change skips
 * suppressed maps, as the results' change skips suppressed rounds.
 */
function previousMap(db: Db, round: RoundRow): { id: string; map: StoredNetworkMap } | undefined {
  for (const candidate of closedRoundsBefore(db, round).filter(hasConnections)) {
    const frozen = frozenNetworkMap(db, candidate.id);
    if (frozen && !frozen.map.suppressed) return { id: candidate.id, map: frozen };
  }
  return undefined;
}

function changeOf(db: Db, round: RoundRow, map: StoredNetworkMap): MapChange | null {
  const previous = previousMap(db, round);
  return previous ? mapChange(map, previous.map, previous.id) : null;
}

/**
 * Computes a closing round's network map once from its stored connections answers and keeps it,
 * with its change since the previous round and the drawing's positions. Rounds without the module
 * store nothing. Call inside
 * the closing transaction, after the last batch of answers is written.
 */
export function freezeNetworkMap(db: Db, clock: Clock, round: RoundRow): StoredNetworkMap | undefined {
  if (!hasConnections(round)) return undefined;
  const reports = loadMapReports(db, round);
  const map = mapFromReports(reports);
  const stored: StoredNetworkMap = { organisations: reports.organisations, map, positions: mapPositions(reports.organisations, map) };
  const values = { map: stored, change: changeOf(db, round, stored), computedAt: clock.now(), format: MAP_FORMAT };
  db.insert(roundNetworkMaps)
    .values({ roundId: round.id, ...values })
    .onConflictDoUpdate({ target: roundNetworkMaps.roundId, set: values })
    .run();
  refreshLaterMaps(db, round);
  return stored;
}

/** A round that closes late can become the previous round of maps frozen after it: their change is worked out again. */
function refreshLaterMaps(db: Db, round: RoundRow): void {
  for (const other of closedRoundsAfter(db, round).filter(hasConnections)) {
    const frozen = frozenNetworkMap(db, other.id);
    if (frozen)
      db.update(roundNetworkMaps)
        .set({ change: changeOf(db, other, frozen) })
        .where(eq(roundNetworkMaps.roundId, other.id))
        .run();
  }
}
