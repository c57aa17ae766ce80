import { and, asc, eq, gt, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { emailReminders, emailRounds, emailTokens, invitations, members, type RoundRow, rounds } from "../db/schema";
import { recordAudit } from "../lib/audit";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError, invalidField } from "../lib/errors";
import { ensureEmailRound, queueMessage, suppressedAddresses } from "./outbox";
import { requireEmailable } from "./service-guard";

/** At most this many reminders per round: each brings some answers, more only annoy. */
export const MAX_REMINDERS = 3;
/** Days after opening of the reminders a round gets unless the facilitator changes them. */
export const DEFAULT_REMINDER_DAYS = [5, 10] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Reminder {
  number: number;
  dueAt: Date;
  queued: boolean;
}

/** The round's reminders, earliest first. */
export function remindersOf(db: Db, roundId: string): Reminder[] {
  return db
    .select()
    .from(emailReminders)
    .where(eq(emailReminders.roundId, roundId))
    .orderBy(asc(emailReminders.dueAt), asc(emailReminders.number))
    .all()
    .map((r) => ({ number: r.number, dueAt: r.dueAt, queued: r.queuedAt !== null }));
}

/** The default reminders' dates: 5 and 10 days after opening, those still ahead and before closing. */
export function defaultReminderDates(round: Pick<RoundRow, "openedAt" | "closesAt">, now: Date): Date[] {
  const opened = round.openedAt ?? now;
  return DEFAULT_REMINDER_DAYS.map((days) => new Date(opened.getTime() + days * DAY_MS)).filter(
    (d) => d > now && (!round.closesAt || d < round.closesAt),
  );
}

/** Sets the default reminders of a round that has none yet (when its invitations are first emailed). */
export function addDefaultReminders(db: Db, clock: Clock, round: RoundRow): void {
  defaultReminderDates(round, clock.now()).forEach((dueAt, i) => {
    db.insert(emailReminders)
      .values({ roundId: round.id, number: i + 1, dueAt })
      .onConflictDoNothing()
      .run();
  });
}

/**
 * Replaces the reminders not yet sent with `dates` (each in the future, before the round closes).
 * Sent ones stay; together there are at most three.
 */
export function setReminders(deps: { db: Db; clock: Clock }, actor: Actor, round: RoundRow, dates: Date[]): Reminder[] {
  const { db, clock } = deps;
  requireEmailable(round, clock);
  const now = clock.now();
  dates.forEach((d, i) => {
    if (d <= now) throw invalidField(`reminders.${i}`, "must be in the future");
    if (round.closesAt && d >= round.closesAt) throw invalidField(`reminders.${i}`, "must be before the round closes");
  });
  db.transaction(() => {
    // The row marks that reminders were chosen: emailing the invitations later keeps this choice.
    ensureEmailRound(db, round.id, actor.userId);
    const sent = remindersOf(db, round.id).filter((r) => r.queued);
    if (sent.length + dates.length > MAX_REMINDERS)
      throw invalidField("reminders", `at most ${MAX_REMINDERS} reminders in all; ${sent.length} already sent`);
    db.delete(emailReminders)
      .where(and(eq(emailReminders.roundId, round.id), isNull(emailReminders.queuedAt)))
      .run();
    const first = Math.max(0, ...sent.map((r) => r.number)) + 1;
    [...dates]
      .sort((a, b) => a.getTime() - b.getTime())
      .forEach((dueAt, i) => {
        db.insert(emailReminders)
          .values({ roundId: round.id, number: first + i, dueAt })
          .run();
      });
  });
  recordAudit(db, clock, {
    userId: actor.userId,
    action: "reminders.schedule",
    targetType: "round",
    targetId: round.id,
    detail: { count: dates.length },
  });
  return remindersOf(db, round.id);
}

/**
 * "Send a reminder now": the next reminder not yet sent is brought forward to now, or one is added
 * while fewer than three were sent. Queues it at once and returns how many messages were queued.
 */
export function sendReminderNow(deps: { db: Db; clock: Clock }, actor: Actor, round: RoundRow): number {
  const { db, clock } = deps;
  requireEmailable(round, clock);
  const now = clock.now();
  const emailed =
    db
      .select({ n: sql<number>`count(*)` })
      .from(emailTokens)
      .innerJoin(invitations, eq(invitations.id, emailTokens.invitationId))
      .where(eq(invitations.roundId, round.id))
      .get()?.n ?? 0;
  if (emailed === 0) throw new AppError("conflict", "Nobody in this round is waiting for an answer by email: email the invitations first");
  db.transaction(() => {
    const reminders = remindersOf(db, round.id);
    const next = reminders.find((r) => !r.queued);
    if (next) {
      db.update(emailReminders)
        .set({ dueAt: now })
        .where(and(eq(emailReminders.roundId, round.id), eq(emailReminders.number, next.number)))
        .run();
    } else if (reminders.length < MAX_REMINDERS) {
      ensureEmailRound(db, round.id, actor.userId);
      const number = Math.max(0, ...reminders.map((r) => r.number)) + 1;
      db.insert(emailReminders).values({ roundId: round.id, number, dueAt: now }).run();
    } else {
      throw new AppError("conflict", `All ${MAX_REMINDERS} reminders of this round have been sent`);
    }
  });
  recordAudit(db, clock, { userId: actor.userId, action: "reminders.send_now", targetType: "round", targetId: round.id });
  return queueDueReminders(deps, round.id);
}

/**
 * Queues every due reminder of an open round for each member who was emailed, has not submitted,
 * has not unsubscribed and whose address did not bounce. A reminder is claimed with one UPDATE …
 * RETURNING, so two server processes never both queue it. Returns how many messages were queued.
 * With `roundId`, only that round's: "send a reminder now" in one round must not send another's.
 */
export function queueDueReminders(deps: { db: Db; clock: Clock }, roundId?: string): number {
  const { db, clock } = deps;
  const now = clock.now();
  let queued = 0;
  const due = db
    .select({ roundId: emailReminders.roundId, number: emailReminders.number })
    .from(emailReminders)
    .innerJoin(rounds, eq(rounds.id, emailReminders.roundId))
    .where(
      and(
        isNull(emailReminders.queuedAt),
        lte(emailReminders.dueAt, now),
        eq(rounds.status, "open"),
        or(isNull(rounds.closesAt), gt(rounds.closesAt, now)),
        roundId === undefined ? undefined : eq(emailReminders.roundId, roundId),
      ),
    )
    .all();
  for (const reminder of due) {
    db.transaction(() => {
      const claimed = db
        .update(emailReminders)
        .set({ queuedAt: now })
        .where(
          and(eq(emailReminders.roundId, reminder.roundId), eq(emailReminders.number, reminder.number), isNull(emailReminders.queuedAt)),
        )
        .returning()
        .get();
      if (!claimed) return;
      const round = db.select().from(rounds).where(eq(rounds.id, reminder.roundId)).get();
      const senderId =
        db.select({ senderId: emailRounds.senderId }).from(emailRounds).where(eq(emailRounds.roundId, reminder.roundId)).get()?.senderId ??
        null;
      const waiting = db
        .select({ id: invitations.id, email: members.email })
        .from(invitations)
        .innerJoin(emailTokens, eq(emailTokens.invitationId, invitations.id))
        .innerJoin(members, eq(members.id, invitations.memberId))
        .where(and(eq(invitations.roundId, reminder.roundId), ne(invitations.status, "submitted"), isNotNull(members.email)))
        .all();
      const suppressed = round ? suppressedAddresses(db, round.networkId) : new Map();
      for (const w of waiting) {
        if (w.email && suppressed.has(w.email)) continue;
        if (queueMessage(db, clock, { roundId: reminder.roundId, invitationId: w.id, kind: "reminder", number: reminder.number, senderId }))
          queued++;
      }
    });
  }
  return queued;
}
