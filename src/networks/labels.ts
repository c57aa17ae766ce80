import type { GrantRole, Stage } from "../db/schema";

/** Stages in plain English, as facilitators say them. */
export const STAGE_LABELS: Record<Stage, string> = {
  forming: "Forming (start-up)",
  developing: "Developing",
  established: "Established",
  renewing: "Renewing",
};

/** How someone relates to a network, in plain English. */
export const ACCESS_LABELS: Record<"admin" | GrantRole, string> = {
  admin: "Administrator",
  facilitator: "Facilitator",
  commissioner: "Commissioner (sees aggregate results)",
};

/** Grant roles as the "give access" form offers them. */
export const GRANT_ROLE_LABELS: Record<GrantRole, string> = {
  facilitator: "Colleague (facilitator): manages the network, its roster and rounds",
  commissioner: "Commissioner: sees aggregate results only",
};
