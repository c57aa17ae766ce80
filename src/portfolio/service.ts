// The portfolio verbs: read the actor's networks and their frozen round figures, and work out the
// heatmap rows, averages, movers and the over-time quartiles from them.
import type { Actor } from "../auth/actor";
import { comparedInstrument } from "../compare/service";
import type { Db } from "../lib/db";
import type { PortfolioCache } from "./cache";
import { averages, heatmapRows, splitLatest } from "./figures";
import { overTime } from "./over-time";
import { latestRounds, portfolioNetworks, roundScores, type Scope } from "./queries";
import { portfolioSettings } from "./settings";

/** Which networks a person's portfolio holds: every one for an administrator, else their grants. */
export const scopeOf = (actor: Actor): Scope => (actor.role === "admin" ? { all: true } : { userId: actor.userId });

const cacheKey = (scope: Scope, instrument: { id: string; version: number }) =>
  `${"all" in scope ? "all" : `user:${scope.userId}`}:${instrument.id}@${instrument.version}`;

/** The figures of every network in scope, from frozen values only (see loadPortfolio). */
function workOut(db: Db, scope: Scope, instrument: { id: string; version: number }) {
  const networks = portfolioNetworks(db, scope);
  const latest = latestRounds(db, scope, instrument);
  return {
    // Frozen: the same rows serve every request until the data changes, so nobody may sort them in place.
    rows: Object.freeze(heatmapRows(networks, latest)),
    averages: averages(splitLatest(latest).unsuppressed),
    /** The portfolio's quarters, oldest first (see overTime), from every round's scores. */
    quarters: Object.freeze(overTime(roundScores(db, scope, instrument))),
  };
}

/**
 * Everything the portfolio shows of the actor's networks, from frozen values only: each network's
 * heatmap row (all networks, in name order), the portfolio average of each figure and the quarters.
 * Worked out once per change of the data it reads and kept until the next (deps.portfolioCache;
 * the scheduled closer works kept portfolios out again after rounds close, before anyone asks).
 * @example loadPortfolio(deps, actor).rows.length // networks the actor may see
 */
export function loadPortfolio(deps: { db: Db; portfolioCache: PortfolioCache }, actor: Actor) {
  // Reads frozen values of closed rounds and closes nothing: a round past its closing time shows
  // here once the scheduled closer (src/rounds/auto-close.ts, every minute) has closed it.
  const instrument = comparedInstrument("core");
  const scope = scopeOf(actor);
  const figures = deps.portfolioCache.get(deps.db, cacheKey(scope, instrument), () => workOut(deps.db, scope, instrument));
  return { settings: portfolioSettings(deps.db, actor), instrument, ...figures };
}
export type Portfolio = ReturnType<typeof loadPortfolio>;
