// Reading a closed round's frozen network map. Writing it (closing) is freeze-map.ts; keeping the
// two apart lets the change against an earlier round read frozen maps without the freezing code.
import { eq } from "drizzle-orm";
import { roundNetworkMaps } from "../db/schema/round-network-maps";
import type { Db } from "../lib/db";
import type { NetworkMap } from "./map-metrics";
import type { MapPosition } from "./map-positions";
import type { MapOrganisation } from "./types";

/**
 * What is kept of a closed round's map: the organisations it asked about, the figures, and where
 * the drawing places each organisation (none when suppressed), so that showing it runs no layout.
 */
export type StoredNetworkMap = { organisations: MapOrganisation[]; map: NetworkMap; positions: MapPosition[] };

/** A pair of organisations, `a` before `b` by name. */
export type MapPair = { a: string; b: string };
/** A figure now, before, and the difference (null where either side is not shown). */
export type FigureChange = { previous: number | null; delta: number | null };

/** The map against the network's previous closed round with a shown map. */
export type MapChange = {
  previousRoundId: string;
  /** Ties between organisations both rounds asked about: new ones, and ones no longer there. */
  tiesGained: MapPair[];
  tiesLost: MapPair[];
  density: FigureChange;
  /** The network's mean trust and value (1–4). */
  trust: FigureChange;
  value: FigureChange;
};

export type FrozenNetworkMap = StoredNetworkMap & { change: MapChange | null };

/** A closed round's frozen map with its change; undefined for a round without the module (or not closed). */
export function frozenNetworkMap(db: Db, roundId: string): FrozenNetworkMap | undefined {
  const row = db
    .select({ map: roundNetworkMaps.map, change: roundNetworkMaps.change })
    .from(roundNetworkMaps)
    .where(eq(roundNetworkMaps.roundId, roundId))
    .get();
  return row ? { ...row.map, change: row.change ?? null } : undefined;
}
