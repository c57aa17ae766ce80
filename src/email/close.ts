import { and, eq, exists, isNull, sql } from "drizzle-orm";
import { emailOutbox, emailReminders, emailRounds, emailTokens, invitations } from "../db/schema";
import type { Db } from "../lib/db";

/**
 * What a round's email leaves behind when it closes: only the counts. The messages go (those still
 * waiting counted as cancelled), the sealed tokens go (nobody may use a link now) and so do the
 * reminders not sent. Call inside the closing transaction.
 */
export function emptyOutboxAtClose(db: Db, roundId: string): void {
  const byStatus = db
    .select({ status: emailOutbox.status, n: sql<number>`count(*)` })
    .from(emailOutbox)
    .where(eq(emailOutbox.roundId, roundId))
    .groupBy(emailOutbox.status)
    .all();
  const n = (...statuses: string[]) => byStatus.filter((b) => statuses.includes(b.status)).reduce((sum, b) => sum + b.n, 0);
  if (byStatus.length > 0) {
    const add = { sent: n("sent"), failed: n("failed"), bounced: n("bounced"), cancelled: n("cancelled", "queued", "sending") };
    db.insert(emailRounds)
      .values({ roundId, ...add })
      .onConflictDoUpdate({
        target: emailRounds.roundId,
        set: {
          sent: sql`${emailRounds.sent} + ${add.sent}`,
          failed: sql`${emailRounds.failed} + ${add.failed}`,
          bounced: sql`${emailRounds.bounced} + ${add.bounced}`,
          cancelled: sql`${emailRounds.cancelled} + ${add.cancelled}`,
        },
      })
      .run();
    db.delete(emailOutbox).where(eq(emailOutbox.roundId, roundId)).run();
  }
  const ofThisRound = db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.id, emailTokens.invitationId), eq(invitations.roundId, roundId)));
  db.delete(emailTokens).where(exists(ofThisRound)).run();
  db.delete(emailReminders)
    .where(and(eq(emailReminders.roundId, roundId), isNull(emailReminders.queuedAt)))
    .run();
}
