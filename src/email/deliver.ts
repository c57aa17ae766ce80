import { and, eq } from "drizzle-orm";
import { emailOutbox, invitations, members, networks, type OutboxRow, rounds, users } from "../db/schema";
import { surveyUrl } from "../invitations/service";
import type { Clock } from "../lib/clock";
import type { Config } from "../lib/config";
import type { Db } from "../lib/db";
import type { Views } from "../lib/html";
import { isDue } from "../rounds/lifecycle";
import { surveyMinutes } from "../survey/length";
import { roundModules } from "../survey/modules";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff";
import { CLAIM_LEASE_MS } from "./claim";
import { classifySendError } from "./classify";
import { composeMail } from "./compose";
import { suppressAddress, suppressedAddresses } from "./outbox";
import { openSealedToken, unsubscribeCode } from "./tokens";
import type { Mailer, OutgoingMail } from "./transport";

export interface DeliverDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, "publicUrl" | "mail">;
  views: Views;
}

/** What became of a claimed message; "taken" when its claim lapsed and another process has it now. */
export type Delivery = "sent" | "retry" | "failed" | "bounced" | "cancelled" | "paused" | "taken";

/**
 * The message's row after sending, in plain words: no link, no token, no server text. Only while it
 * is still this claim's (same attempt number): a process whose claim lapsed must not overwrite what
 * the process that claimed it again recorded.
 */
function record(db: Db, row: OutboxRow, set: Partial<OutboxRow>) {
  db.update(emailOutbox)
    .set(set)
    .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "sending"), eq(emailOutbox.attempts, row.attempts)))
    .run();
}

/** Renews the claim just before sending; false when it lapsed and another process claimed the message since. */
function stillOurs(db: Db, row: OutboxRow, now: Date): boolean {
  const renewed = db
    .update(emailOutbox)
    .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "sending"), eq(emailOutbox.attempts, row.attempts)))
    .run();
  return renewed.changes > 0;
}

/** The unsubscribe page of a member, in the round's language. */
export function unsubscribeUrl(deps: { db: Db; config: Pick<Config, "publicUrl"> }, memberId: string, lang: string): string {
  return `${deps.config.publicUrl}/u/${unsubscribeCode(deps.db, memberId)}?lang=${lang}`;
}

/**
 * The message as it is to be sent now, or why it must not be: the round closed, the member
 * answered, unsubscribed or bounced, or their link is no longer kept (replaced by hand).
 */
function build(deps: DeliverDeps, row: OutboxRow): { mail: OutgoingMail; networkId: string } | { cancel: string } {
  const { db, clock } = deps;
  const found = db
    .select({ invitation: invitations, member: members, round: rounds, network: networks })
    .from(invitations)
    .innerJoin(rounds, eq(rounds.id, invitations.roundId))
    .innerJoin(networks, eq(networks.id, rounds.networkId))
    .leftJoin(members, eq(members.id, invitations.memberId))
    .where(eq(invitations.id, row.invitationId))
    .get();
  if (!found?.member?.email) return { cancel: "Not sent: the member has no email address any more." };
  const { invitation, member, round, network } = found;
  const email = member.email as string;
  if (round.status !== "open" || isDue(round, clock.now())) return { cancel: "Not sent: the round has closed." };
  if (invitation.status === "submitted") return { cancel: "Not sent: the member has already answered." };
  const why = suppressedAddresses(db, network.id, [email]).get(email);
  if (why) return { cancel: why === "unsubscribed" ? "Not sent: the member unsubscribed." : "Not sent: the member's address bounced." };
  const token = openSealedToken(db, invitation.id);
  if (!token) return { cancel: "Not sent: the member's link was replaced by hand, so netmirror no longer holds it." };
  const sender = row.senderId
    ? (db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.senderId)).get() ?? null)
    : null;
  const mail = composeMail(deps.views, deps.config, {
    kind: row.kind,
    round,
    network,
    member: { name: member.name, email },
    sender,
    minutes: surveyMinutes(roundModules(db, round).modules),
    surveyUrl: surveyUrl(deps.config, token),
    unsubscribeUrl: unsubscribeUrl(deps, member.id, round.language),
  });
  return { mail, networkId: network.id };
}

/**
 * Sends one claimed message and records what happened: sent; a temporary failure retried later
 * (up to five attempts); a refused address marked bounced for the network; a message refused for
 * good failed; or a failure of the whole session handed back unchanged ("paused"), for the worker to
 * pause the outbox without blaming the member.
 */
export async function deliver(deps: DeliverDeps, mailer: Mailer, row: OutboxRow): Promise<{ delivery: Delivery; error?: string }> {
  const { db, clock } = deps;
  const built = build(deps, row);
  if ("cancel" in built) {
    record(db, row, { status: "cancelled", nextAttemptAt: null, lastError: built.cancel });
    return { delivery: "cancelled" };
  }
  if (!stillOurs(db, row, clock.now())) return { delivery: "taken" };
  try {
    await mailer.send(built.mail);
  } catch (err) {
    const failure = classifySendError(err);
    const now = clock.now();
    if (failure.kind === "session") {
      // Not this message's fault: it goes back as it was, its attempt not counted.
      record(db, row, { status: "queued", attempts: row.attempts - 1, nextAttemptAt: now });
      return { delivery: "paused", error: failure.message };
    }
    if (failure.kind === "bounced") {
      db.transaction(() => {
        record(db, row, { status: "bounced", nextAttemptAt: null, lastError: failure.message });
        suppressAddress(db, clock, built.networkId, built.mail.to, "bounced");
      });
      return { delivery: "bounced", error: failure.message };
    }
    if (failure.kind === "temporary" && row.attempts < MAX_ATTEMPTS) {
      record(db, row, {
        status: "queued",
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)),
        lastError: failure.message,
      });
      return { delivery: "retry", error: failure.message };
    }
    const tries = failure.kind === "temporary" ? ` Gave up after ${MAX_ATTEMPTS} attempts.` : "";
    record(db, row, { status: "failed", nextAttemptAt: null, lastError: `${failure.message}${tries}` });
    return { delivery: "failed", error: failure.message };
  }
  record(db, row, { status: "sent", nextAttemptAt: null, lastError: null });
  return { delivery: "sent" };
}
