import { eq, sql } from "drizzle-orm";
import type { RoundRow } from "../db/schema";
import { invitations, rounds } from "../db/schema";
import { getInstrument, type Instrument } from "../instrument";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { hashToken } from "../lib/ids";
import { closedToMembers } from "../rounds/lifecycle";
import type { SurveyStore } from "./store";

export type InvitationRow = typeof invitations.$inferSelect;

/** What a valid personal link opens: its invitation, its round (open, before its closing time) and the round's instrument. */
export interface SurveyLink {
  invitation: InvitationRow;
  round: RoundRow;
  instrument: Instrument;
}

/** Messages shown to respondents (the HTML pages translate by error code). */
export const LINK_MESSAGES = {
  not_found: "This link is not valid. It may have been replaced by a newer one.",
  not_ready: "This temperature check has not opened yet",
  gone: "This temperature check has closed",
  already_submitted: "You have already answered this temperature check. Thank you.",
} as const;

// Tokens we issue are 22 characters (plus perhaps a short prefix); anything far longer is not ours
// and is refused before we spend a hash on it.
const MAX_TOKEN_LENGTH = 200;

/** The two lookups every survey request makes, prepared once per database (in the app's SurveyStore). */
export function prepareLinkLookups(db: Db) {
  return {
    invitation: db
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, sql.placeholder("hash")))
      .prepare(),
    round: db
      .select()
      .from(rounds)
      .where(eq(rounds.id, sql.placeholder("id")))
      .prepare(),
  };
}

export type LinkLookups = ReturnType<typeof prepareLinkLookups>;

/**
 * Resolves a link token to its invitation, round and instrument, or throws the AppError a
 * respondent should see: not_found (unknown or replaced token), not_ready (round still a draft),
 * gone (round closed, or past its closing time: shown as closed, but left for the scheduled closer
 * to close) or already_submitted.
 *
 * @example
 * const { round, instrument } = resolveLink(deps, token);
 */
export function resolveLink(deps: { db: Db; clock: Clock; survey: Pick<SurveyStore, "link"> }, token: string): SurveyLink {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw new AppError("not_found", LINK_MESSAGES.not_found);
  const stmts = deps.survey.link;
  const invitation = stmts.invitation.get({ hash: hashToken(token) });
  if (!invitation) throw new AppError("not_found", LINK_MESSAGES.not_found);
  const round = stmts.round.get({ id: invitation.roundId });
  if (!round) throw new AppError("not_found", LINK_MESSAGES.not_found);
  if (round.status === "draft") throw new AppError("not_ready", LINK_MESSAGES.not_ready);
  if (closedToMembers(round, deps.clock.now())) throw new AppError("gone", LINK_MESSAGES.gone);
  if (invitation.status === "submitted") throw new AppError("already_submitted", LINK_MESSAGES.already_submitted);
  const instrument = getInstrument(round.instrumentId, round.instrumentVersion);
  // A round always names a published instrument; if not, that is our bug, not the respondent's.
  if (!instrument) throw new Error(`Round ${round.id} uses unknown instrument ${round.instrumentId} v${round.instrumentVersion}`);
  return { invitation, round, instrument };
}
export type { RoundRow } from "../db/schema";
