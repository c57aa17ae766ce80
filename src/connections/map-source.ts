import { eq } from "drizzle-orm";
import type { RoundRow } from "../db/schema";
import { rounds } from "../db/schema/rounds";
import type { Db } from "../lib/db";
import { hasConnections } from "./freeze-map";
import { type FrozenNetworkMap, frozenNetworkMap } from "./frozen-map";

/** A closed round's frozen map and the title of the round its change is against. */
export type MapSource = { frozen: FrozenNetworkMap; previousTitle: string | null; minResponses: number };

/** What the report and the mirror show of a closed round's map; null without the module. */
export function loadMapSource(db: Db, round: RoundRow): MapSource | null {
  if (!hasConnections(round) || round.status !== "closed") return null;
  const frozen = frozenNetworkMap(db, round.id);
  return frozen ? mapSourceOf(db, round, frozen) : null;
}

/** A frozen map with the title of the round its change is against. */
export function mapSourceOf(db: Db, round: RoundRow, frozen: FrozenNetworkMap): MapSource {
  const previousId = frozen.change?.previousRoundId;
  const previousTitle = previousId
    ? (db.select({ title: rounds.title }).from(rounds).where(eq(rounds.id, previousId)).get()?.title ?? null)
    : null;
  return { frozen, previousTitle, minResponses: round.minResponses };
}
