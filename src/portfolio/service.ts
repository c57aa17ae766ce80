// The portfolio verbs: read the actor's networks and their frozen round figures, and work out the
// heatmap rows, averages, movers and the over-time quartiles from them.
import type { Actor } from "../auth/actor";
import { comparedInstrument } from "../compare/service";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { averages, heatmapRows, splitLatest } from "./figures";
import { overTime } from "./over-time";
import { latestRounds, portfolioNetworks, roundScores, type Scope } from "./queries";
import { portfolioSettings } from "./settings";

/** Which networks a person's portfolio holds: every one for an administrator, else their grants. */
export const scopeOf = (actor: Actor): Scope => (actor.role === "admin" ? { all: true } : { userId: actor.userId });

/**
 * Everything the portfolio shows of the actor's networks, from frozen values only: each network's
 * heatmap row (all networks, in name order) and the portfolio average of each figure.
 * @example loadPortfolio(deps, actor).rows.length // networks the actor may see
 */
export function loadPortfolio(deps: { db: Db; clock: Clock }, actor: Actor) {
  // Reads frozen values of closed rounds and closes nothing: a round past its closing time shows
  // here once the scheduled closer (src/rounds/auto-close.ts, every minute) has closed it.
  const instrument = comparedInstrument("core");
  const networks = portfolioNetworks(deps.db, scopeOf(actor));
  const latest = latestRounds(deps.db, scopeOf(actor), instrument);
  return {
    settings: portfolioSettings(deps.db, actor),
    instrument,
    rows: heatmapRows(networks, latest),
    averages: averages(splitLatest(latest).unsuppressed),
    /** The portfolio's quarters, oldest first (see overTime): every round's scores, read only when shown. */
    quarters: () => overTime(roundScores(deps.db, scopeOf(actor), instrument)),
  };
}
export type Portfolio = ReturnType<typeof loadPortfolio>;
