import type { AccessMode, RoundModule, RoundStatus } from "../db/schema";

/** Round statuses in plain English, for the facilitators' pages. */
export const STATUS_LABELS: Record<RoundStatus, string> = { draft: "Draft: not open yet", open: "Open", closed: "Closed" };

/** Short status words for lists. */
export const SHORT_STATUS: Record<RoundStatus, string> = { draft: "Draft", open: "Open", closed: "Closed" };

export const ACCESS_LABELS: Record<AccessMode, string> = {
  invite: "Personal invitations: one link per member on the roster",
  open: "Open link: one link for everyone, e.g. on a poster or slide",
};

/** The optional modules in plain English, for the round page. */
export const MODULE_LABELS: Record<RoundModule, string> = { connections: "network map", maturity: "maturity matrix" };
