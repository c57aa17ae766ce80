import type { RoundRow } from "../db/schema";
import type { Clock } from "../lib/clock";
import { AppError } from "../lib/errors";
import { isDue } from "../rounds/lifecycle";

/** Email goes only to open, invite-only rounds. */
export function requireEmailable(round: RoundRow, clock: Clock): void {
  if (round.status !== "open" || isDue(round, clock.now()))
    throw new AppError(
      "conflict",
      round.status === "draft" ? "Open the round before emailing its members" : "This round is closed: no email is sent for it",
    );
  if (round.access !== "invite")
    throw new AppError("conflict", "This round uses an open link: email goes only to rounds with personal links");
}
