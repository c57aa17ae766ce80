import { authorizeRound, type NetworkPermission } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { RoundRow } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { currentRound, isDue } from "./lifecycle";

/**
 * The one way a route or page reaches a round for a signed-in person: access decided by access.ts
 * (404 when they may not see it, 403 when they may see but not do `need`), then the round as it
 * stands now (an open round past its closing time is closed first). Routes never call the
 * auto-close themselves.
 *
 * @example const { actor, round, network } = loadRound(deps, c.get("actor"), id, "manage");
 */
export function loadRound(deps: { db: Db; clock: Clock }, actor: Actor | null, roundId: string, need: NetworkPermission) {
  const found = authorizeRound(deps.db, actor, roundId, need);
  return { ...found, round: currentRound(deps, found.round) };
}

/**
 * A list of rounds `actor` may already see (e.g. a network's), each as it stands now: the few past
 * their closing time go through loadRound, which closes them; the rest are returned as read.
 *
 * @example const rows = loadRounds(deps, actor, networkRows);
 */
export function loadRounds(deps: { db: Db; clock: Clock }, actor: Actor | null, rows: readonly RoundRow[]): RoundRow[] {
  const now = deps.clock.now();
  return rows.map((row) => (isDue(row, now) ? loadRound(deps, actor, row.id, "view").round : row));
}
