// One network's closed rounds over time, for whoever may see the network (commissioners included):
// the compare data for a single network, aggregates only — never comments, never item figures.
import { authorizeNetwork } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import type { Comparison } from "./schemas";
import { compareNetworks } from "./service";

/**
 * The network's rounds on the latest core instrument, oldest first, as a comparison of one network.
 * 404 when the network may not be seen (access decided by access.ts).
 * @example networkOverTime(deps, actor, networkId).networks[0]?.rounds
 */
export function networkOverTime(deps: { db: Db; clock: Clock }, actor: Actor | null, networkId: string): Comparison {
  const { network } = authorizeNetwork(deps.db, actor, networkId, "view");
  return compareNetworks(deps, actor, { networkIds: [network.id], instrument: "core" });
}
