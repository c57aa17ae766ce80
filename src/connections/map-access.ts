import type { RoundRow } from "../db/schema";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { hasConnections } from "./freeze-map";
import { type FrozenNetworkMap, frozenNetworkMap } from "./frozen-map";
import type { NetworkMapView } from "./schemas";

/**
 * A closed round's frozen map, or the error a caller gets: 404 for a round without the module,
 * 409 while the round is not closed.
 */
export function closedRoundMap(db: Db, round: RoundRow): FrozenNetworkMap {
  if (!hasConnections(round)) throw new AppError("not_found", "This round has no network map");
  if (round.status !== "closed") throw new AppError("not_ready", "The network map is available when the round closes");
  const frozen = frozenNetworkMap(db, round.id);
  if (!frozen) throw new Error(`Round ${round.id} is closed but has no frozen network map`);
  return frozen;
}

/**
 * The map as the API gives it: everything for those who manage the network (but see `respondents`),
 * only the metrics for commissioners; nothing derived when suppressed.
 *
 * @example networkMapView(round, closedRoundMap(db, round), "facilitators")
 */
export function networkMapView(round: RoundRow, frozen: FrozenNetworkMap, audience: "facilitators" | "commissioners"): NetworkMapView {
  const head = { round: { id: round.id, title: round.title } };
  const { map } = frozen;
  if (audience === "commissioners") return { ...head, suppressed: map.suppressed, ...(map.suppressed ? {} : { metrics: map.metrics }) };
  const counts = { connectionRecords: map.connectionRecords, minResponses: round.minResponses };
  if (map.suppressed) return { ...head, suppressed: true, ...counts };
  const about = new Map(frozen.organisations.map((org) => [org.id, org]));
  return {
    ...head,
    suppressed: false,
    ...counts,
    organisations: map.organisations.map(({ id, ...figures }) => ({
      id,
      name: about.get(id)?.name ?? id,
      type: about.get(id)?.type ?? "other",
      ...figures,
    })),
    ties: map.ties,
    metrics: map.metrics,
    perceptionGaps: map.perceptionGaps,
    suggestions: map.suggestions,
    change: frozen.change,
  };
}
