import { MAX_ROUND_ORGANISATIONS, type RoundRow, roundOrganisations } from "../db/schema";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { plannedRoundOrganisations } from "./queries";

/** The fewest organisations a network map can be drawn for: with two there is one possible tie and nothing to compare. */
export const MIN_ROUND_ORGANISATIONS = 3;

const plural = (n: number) => `${n} active ${n === 1 ? "organisation" : "organisations"}`;

/**
 * Copies the network's active organisations into a round with the connections module, as it
 * opens: positions 0, 1, 2 … in name order, with name and type as they are now. Refuses (409) when
 * there are fewer than MIN_ROUND_ORGANISATIONS or more than MAX_ROUND_ORGANISATIONS. Run it inside
 * the transaction that opens the round; a round without the module is left alone.
 */
export function snapshotRoundOrganisations(db: Db, round: RoundRow): void {
  if (!round.modules.includes("connections")) return;
  const active = plannedRoundOrganisations(db, round);
  if (active.length < MIN_ROUND_ORGANISATIONS)
    throw new AppError(
      "conflict",
      `This round includes the network map, which needs at least ${MIN_ROUND_ORGANISATIONS} active organisations; the network has ${plural(active.length)}. Add or reactivate organisations on the network's Organisations page, then open the round.`,
    );
  if (active.length > MAX_ROUND_ORGANISATIONS)
    throw new AppError(
      "conflict",
      `This round includes the network map, which can ask about at most ${MAX_ROUND_ORGANISATIONS} organisations; the network has ${plural(active.length)}. Deactivate some on the network's Organisations page, then open the round.`,
    );
  db.insert(roundOrganisations).values(active).run();
}
