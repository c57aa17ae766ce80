import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { emailOutbox, emailRounds, emailTokens, invitations, type OutboxStatus, type RoundRow } from "../db/schema";
import type { Db } from "../lib/db";
import { suppressedAddresses } from "./outbox";
import { pauseState } from "./pause";
import { type Reminder, remindersOf } from "./reminders";

export interface EmailCounts {
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
  cancelled: number;
}

export interface RoundEmailStatus {
  /** Whether a mail server (or the demo's capture) is configured. */
  configured: boolean;
  /** Sending is paused after a failure of the whole session (an administrator resumes it). */
  paused: boolean;
  counts: EmailCounts;
  reminders: Reminder[];
  nextReminder: Date | null;
  /** The most telling recent problem, in plain words; null when there is none. */
  lastError: string | null;
}

/** Messages by status: those of the outbox plus those kept as counts when the round closed. */
export function emailCounts(db: Db, roundId: string): EmailCounts {
  const kept = db.select().from(emailRounds).where(eq(emailRounds.roundId, roundId)).get();
  const counts: EmailCounts = {
    queued: 0,
    sent: kept?.sent ?? 0,
    failed: kept?.failed ?? 0,
    bounced: kept?.bounced ?? 0,
    cancelled: kept?.cancelled ?? 0,
  };
  const live = db
    .select({ status: emailOutbox.status, n: sql<number>`count(*)` })
    .from(emailOutbox)
    .where(eq(emailOutbox.roundId, roundId))
    .groupBy(emailOutbox.status)
    .all();
  for (const { status, n } of live) counts[status === "sending" ? "queued" : status] += n;
  return counts;
}

const ERROR_ORDER = sql`case ${emailOutbox.status} when 'failed' then 0 when 'queued' then 1 when 'bounced' then 2 else 3 end`;

/** The round's email as the facilitator sees it on the round page and in the API. */
export function roundEmailStatus(db: Db, round: Pick<RoundRow, "id">, configured: boolean): RoundEmailStatus {
  const pause = pauseState(db);
  const reminders = remindersOf(db, round.id);
  const problem = db
    .select({ lastError: emailOutbox.lastError })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.roundId, round.id),
        isNotNull(emailOutbox.lastError),
        sql`${emailOutbox.status} in ('failed', 'queued', 'bounced')`,
      ),
    )
    .orderBy(ERROR_ORDER, desc(emailOutbox.attempts))
    .limit(1)
    .get();
  const counts = emailCounts(db, round.id);
  const lastError = !configured
    ? counts.queued > 0
      ? "Not sent: no mail server configured (SMTP_URL). The links can still be downloaded."
      : null
    : pause.paused
      ? `Sending is paused: ${pause.error ?? "the mail server refused the session."} An administrator resumes it.`
      : (problem?.lastError ?? null);
  return {
    configured,
    paused: pause.paused,
    counts,
    reminders,
    nextReminder: reminders.find((r) => !r.queued)?.dueAt ?? null,
    lastError,
  };
}

export type MemberEmailState = "unsubscribed" | "bounced" | "not_emailed" | "handed_out" | OutboxStatus;

/**
 * Each member's email state in a round, by member id: unsubscribed or bounced for the network, else
 * the state of their latest message; "handed_out" for a link made another way and "not_emailed"
 * for a member with no link yet.
 */
export function memberEmailStates(
  db: Db,
  round: Pick<RoundRow, "id" | "networkId">,
  roster: { memberId: string; email: string | null; invitationId: string | null }[],
): Map<string, { state: MemberEmailState; kind: "invitation" | "reminder" | null; number: number }> {
  const suppressed = suppressedAddresses(db, round.networkId);
  const latest = new Map<string, { status: OutboxStatus; kind: "invitation" | "reminder"; number: number }>();
  const rows = db
    .select({ invitationId: emailOutbox.invitationId, status: emailOutbox.status, kind: emailOutbox.kind, number: emailOutbox.number })
    .from(emailOutbox)
    .where(eq(emailOutbox.roundId, round.id))
    .orderBy(asc(emailOutbox.kind), asc(emailOutbox.number))
    .all();
  // Invitations sort before reminders, and numbers upwards: the last one seen is the latest.
  for (const r of rows) latest.set(r.invitationId, r);
  const sealed = new Set(
    db
      .select({ id: emailTokens.invitationId })
      .from(emailTokens)
      .innerJoin(invitations, eq(invitations.id, emailTokens.invitationId))
      .where(eq(invitations.roundId, round.id))
      .all()
      .map((r) => r.id),
  );
  const states = new Map<string, { state: MemberEmailState; kind: "invitation" | "reminder" | null; number: number }>();
  for (const m of roster) {
    const why = m.email ? suppressed.get(m.email) : undefined;
    const last = m.invitationId ? latest.get(m.invitationId) : undefined;
    if (why) states.set(m.memberId, { state: why, kind: null, number: 0 });
    else if (last) states.set(m.memberId, { state: last.status, kind: last.kind, number: last.number });
    else if (m.invitationId && !sealed.has(m.invitationId)) states.set(m.memberId, { state: "handed_out", kind: null, number: 0 });
    else states.set(m.memberId, { state: "not_emailed", kind: null, number: 0 });
  }
  return states;
}
