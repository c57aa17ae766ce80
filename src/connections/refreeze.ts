// Closed rounds' maps frozen under older rules are worked out again at start-up, as results are
// (src/results/republish.ts), so that what the rules now hide is not still shown.
import { and, asc, eq, lt } from "drizzle-orm";
import { reportCache, roundNetworkMaps, rounds } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { freezeNetworkMap, MAP_FORMAT } from "./freeze-map";

/**
 * Freezes again every closed round's map that predates MAP_FORMAT, from its stored connections
 * answers, oldest first (a map's change reads the previous one); then empties the report cache.
 * Returns how many maps it froze again.
 * @example refreezeOldMaps({ db, clock }) // 0 once every map is up to date
 */
export function refreezeOldMaps(deps: { db: Db; clock: Clock }): number {
  const { db, clock } = deps;
  const old = db
    .select({ round: rounds })
    .from(rounds)
    .innerJoin(roundNetworkMaps, eq(roundNetworkMaps.roundId, rounds.id))
    .where(and(eq(rounds.status, "closed"), lt(roundNetworkMaps.format, MAP_FORMAT)))
    .orderBy(asc(rounds.closedAt), asc(rounds.id))
    .all();
  if (old.length === 0) return 0;
  db.transaction(() => {
    for (const { round } of old) freezeNetworkMap(db, clock, round);
    db.delete(reportCache).run();
  });
  return old.length;
}
