import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { drafts, invitations, members } from "../db/schema";
import { forgetSealedToken } from "../email/tokens";
import { recordAudit } from "../lib/audit";
import type { Clock } from "../lib/clock";
import type { Config } from "../lib/config";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { hashToken, newId, newToken } from "../lib/ids";
import { closedToMembers } from "../rounds/lifecycle";
import type { RoundDeps, RoundRow } from "../rounds/round-json";
import type { CreateInvitationsInput, InvitationView, NewInvitation } from "./schemas";

type InvitationRow = typeof invitations.$inferSelect;

/** The personal survey link for a token. */
export function surveyUrl(config: Pick<Config, "publicUrl">, token: string): string {
  return `${config.publicUrl}/s/${token}`;
}

/** A fresh token and the only thing we store of it. */
export function mintToken(): { token: string; tokenHash: string } {
  const token = newToken();
  return { token, tokenHash: hashToken(token) };
}

// A round past its closing time counts as closed even before anything closed it: only loadRound
// and the scheduled closer close rounds, and a verb handed a row that is a moment old must not
// make links for a round members can no longer answer.
function requireInvitable(round: RoundRow, now: Date) {
  if (closedToMembers(round, now)) throw new AppError("conflict", "This round is closed; no new links can be made");
  if (round.access !== "invite")
    throw new AppError("conflict", "This round uses an open link; personal invitations are for invite-only rounds");
}

/** The members asked for (each checked to be on the round's network), or the whole roster. */
function pickMembers(db: Db, round: RoundRow, input: CreateInvitationsInput) {
  const roster = db.select().from(members).where(eq(members.networkId, round.networkId)).orderBy(asc(members.name), asc(members.id)).all();
  if (input.all) return roster;
  const byId = new Map(roster.map((m) => [m.id, m]));
  const ids = input.memberIds ?? [];
  const details = ids.flatMap((id, i) => (byId.has(id) ? [] : [{ field: `memberIds.${i}`, message: "is not a member of this network" }]));
  if (details.length > 0) throw new AppError("invalid_input", `${details[0]?.field}: ${details[0]?.message}`, { details });
  const wanted = new Set(ids);
  return roster.filter((m) => wanted.has(m.id));
}

/**
 * Makes a personal link for each chosen member who has none in this round yet, so calling it twice
 * makes no duplicates (the second call returns only links it made). Tokens are shown only here.
 */
export function createInvitations(deps: RoundDeps, actor: Actor, row: RoundRow, input: CreateInvitationsInput): NewInvitation[] {
  const { db, clock, config } = deps;
  const round = row;
  requireInvitable(round, clock.now());
  const created = db.transaction((tx) => {
    const chosen = pickMembers(db, round, input);
    const have = tx
      .select({ memberId: invitations.memberId })
      .from(invitations)
      .where(and(eq(invitations.roundId, round.id), isNotNull(invitations.memberId)))
      .all();
    const invited = new Set(have.map((h) => h.memberId));
    return chosen
      .filter((m) => !invited.has(m.id))
      .map((m) => {
        const { token, tokenHash } = mintToken();
        const id = newId();
        tx.insert(invitations).values({ id, roundId: round.id, memberId: m.id, tokenHash }).run();
        return { id, memberId: m.id, url: surveyUrl(config, token), name: m.name, email: m.email };
      });
  });
  recordAudit(db, clock, {
    userId: actor.userId,
    action: "invitations.create",
    targetType: "round",
    targetId: round.id,
    // Every link made is on record, so that links a facilitator made to answer themselves show.
    detail: { count: created.length, invitationIds: created.map((c) => c.id) },
  });
  return created;
}

/** An invitation by id, or undefined. */
export function findInvitation(db: Db, id: string): InvitationRow | undefined {
  return db.select().from(invitations).where(eq(invitations.id, id)).get();
}

/**
 * Gives an invitation a new token: the old link stops working at once. Its status stays; its saved
 * draft, sealed with the old token, could never be opened again and is deleted.
 */
export function reissueInvitation(deps: RoundDeps, actor: Actor, row: RoundRow, invitation: InvitationRow): InvitationView {
  const round = row;
  if (closedToMembers(round, deps.clock.now())) throw new AppError("conflict", "This round is closed; its links cannot be reissued");
  if (invitation.status === "submitted") throw new AppError("conflict", "This link has already been used to submit a response");
  const { token, tokenHash } = mintToken();
  deps.db.transaction((tx) => {
    tx.update(invitations).set({ tokenHash }).where(eq(invitations.id, invitation.id)).run();
    tx.delete(drafts).where(eq(drafts.invitationId, invitation.id)).run();
    // The new link is handed out by hand: reminders must not carry the old one.
    // deps.db is inside this transaction too: better-sqlite3 runs it on the one connection.
    forgetSealedToken(deps.db, invitation.id);
  });
  recordAudit(deps.db, deps.clock, {
    userId: actor.userId,
    action: "invitation.reissue",
    targetType: "round",
    targetId: round.id,
    detail: { invitationId: invitation.id },
  });
  return { id: invitation.id, memberId: invitation.memberId, url: surveyUrl(deps.config, token) };
}

/**
 * A fresh link for one visitor of an open link (for no member); returns its token. Audited like
 * every link made, without the link's id: the audit's time must not be joinable to a link's use.
 */
export function createOpenInvitation(deps: { db: Db; clock: Clock }, roundId: string): string {
  const { token, tokenHash } = mintToken();
  deps.db.insert(invitations).values({ id: newId(), roundId, memberId: null, tokenHash }).run();
  recordAudit(deps.db, deps.clock, { userId: null, action: "invitation.open_link", targetType: "round", targetId: roundId });
  return token;
}
