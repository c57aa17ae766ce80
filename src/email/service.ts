import { and, eq, isNotNull } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { drafts, emailOutbox, emailRounds, emailTokens, invitations, members, type RoundRow } from "../db/schema";
import { mintToken } from "../invitations/service";
import { recordAudit } from "../lib/audit";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { newId } from "../lib/ids";
import { ensureEmailRound, queueMessage, suppressedAddresses } from "./outbox";
import { addDefaultReminders } from "./reminders";
import { requireEmailable } from "./service-guard";
import { keepSealedToken } from "./tokens";

export interface EmailInvitationsInput {
  /** Give members whose link was handed out another way (an export) a new link by email: their old link and half-finished answers stop working. */
  replaceLinks?: boolean;
}

export interface EmailInvitationsResult {
  queued: number;
  replaced: number;
  skipped: { noEmail: number; handedOut: number; alreadyEmailed: number; submitted: number; unsubscribed: number; bounced: number };
}

/**
 * Queues an invitation for every member with an email address who has no link in the round yet,
 * making their link now and keeping its token sealed for the reminders. Members whose link was
 * handed out another way are skipped unless `replaceLinks`; those emailed before, who submitted,
 * unsubscribed or bounced are skipped. The default reminders are set the first time.
 */
export function emailInvitations(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  round: RoundRow,
  input: EmailInvitationsInput,
): EmailInvitationsResult {
  const { db, clock } = deps;
  requireEmailable(round, clock);
  const result: EmailInvitationsResult = {
    queued: 0,
    replaced: 0,
    skipped: { noEmail: 0, handedOut: 0, alreadyEmailed: 0, submitted: 0, unsubscribed: 0, bounced: 0 },
  };
  const linked: string[] = [];
  db.transaction(() => {
    const roster = db.select().from(members).where(eq(members.networkId, round.networkId)).all();
    const existing = new Map(
      db
        .select({ id: invitations.id, memberId: invitations.memberId, status: invitations.status, sealed: emailTokens.invitationId })
        .from(invitations)
        .leftJoin(emailTokens, eq(emailTokens.invitationId, invitations.id))
        .where(and(eq(invitations.roundId, round.id), isNotNull(invitations.memberId)))
        .all()
        .map((i) => [i.memberId, i]),
    );
    const suppressed = suppressedAddresses(db, round.networkId);
    ensureEmailRound(db, round.id, actor.userId) && addDefaultReminders(db, clock, round);
    db.update(emailRounds).set({ senderId: actor.userId }).where(eq(emailRounds.roundId, round.id)).run();
    for (const member of roster) {
      if (!member.email) {
        result.skipped.noEmail++;
        continue;
      }
      const why = suppressed.get(member.email);
      if (why) {
        result.skipped[why]++;
        continue;
      }
      const link = existing.get(member.id);
      const { token, tokenHash } = mintToken();
      let invitationId: string;
      let number = 0;
      if (!link) {
        invitationId = newId();
        db.insert(invitations).values({ id: invitationId, roundId: round.id, memberId: member.id, tokenHash }).run();
      } else if (link.status === "submitted") {
        result.skipped.submitted++;
        continue;
      } else if (link.sealed) {
        result.skipped.alreadyEmailed++;
        continue;
      } else if (!input.replaceLinks) {
        result.skipped.handedOut++;
        continue;
      } else {
        // The old link stops working, and its draft, sealed with the old token, could never open again.
        invitationId = link.id;
        db.update(invitations).set({ tokenHash }).where(eq(invitations.id, link.id)).run();
        db.delete(drafts).where(eq(drafts.invitationId, link.id)).run();
        const before = db
          .select({ number: emailOutbox.number })
          .from(emailOutbox)
          .where(and(eq(emailOutbox.invitationId, link.id), eq(emailOutbox.kind, "invitation")))
          .all();
        number = Math.max(-1, ...before.map((b) => b.number)) + 1;
        result.replaced++;
      }
      keepSealedToken(db, invitationId, token);
      queueMessage(db, clock, { roundId: round.id, invitationId, kind: "invitation", number, senderId: actor.userId });
      linked.push(invitationId);
      result.queued++;
    }
  });
  recordAudit(db, clock, {
    userId: actor.userId,
    action: "invitations.email",
    targetType: "round",
    targetId: round.id,
    // Every link made or replaced is on record, as for links downloaded.
    detail: { count: result.queued, replaced: result.replaced, invitationIds: linked },
  });
  return result;
}
