import { and, eq, inArray } from "drizzle-orm";
import { type EmailKind, emailOutbox, emailRounds, emailSuppressions } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { newId } from "../lib/ids";

/** Queues one message; a message already queued for the same (invitation, kind, number) is left as it is. Returns whether it was new. */
export function queueMessage(
  db: Db,
  clock: Clock,
  message: { roundId: string; invitationId: string; kind: EmailKind; number: number; senderId: string | null },
): boolean {
  const inserted = db
    .insert(emailOutbox)
    .values({ id: newId(), ...message, status: "queued", attempts: 0, nextAttemptAt: clock.now() })
    .onConflictDoNothing()
    .run();
  return inserted.changes > 0;
}

/** The addresses of a network that get no survey email, with why. */
export function suppressedAddresses(db: Db, networkId: string, emails?: string[]): Map<string, "unsubscribed" | "bounced"> {
  const where = emails
    ? and(eq(emailSuppressions.networkId, networkId), inArray(emailSuppressions.email, emails))
    : eq(emailSuppressions.networkId, networkId);
  return new Map(
    db
      .select()
      .from(emailSuppressions)
      .where(where)
      .all()
      .map((s) => [s.email, s.reason]),
  );
}

/** Stops a network's survey email to an address. An unsubscribe is never turned back into a bounce. */
export function suppressAddress(db: Db, clock: Clock, networkId: string, email: string, reason: "unsubscribed" | "bounced"): void {
  db.insert(emailSuppressions)
    .values({ networkId, email: email.toLowerCase(), reason, at: clock.now() })
    .onConflictDoUpdate({
      target: [emailSuppressions.networkId, emailSuppressions.email],
      set: { reason: reason === "unsubscribed" ? "unsubscribed" : emailSuppressions.reason },
    })
    .run();
}

/** The round's email record, made the first time it is needed; returns whether it was just made. */
export function ensureEmailRound(db: Db, roundId: string, senderId: string | null): boolean {
  return db.insert(emailRounds).values({ roundId, senderId }).onConflictDoNothing().run().changes > 0;
}
