import type { OutboxRow } from "../db/schema";
import type { Db } from "../lib/db";

/** How long a claimed message is left to its process before another may send it (a process killed mid-send). */
export const CLAIM_LEASE_MS = 2 * 60_000;

const CLAIM_SQL = `
  update email_outbox
     set status = 'sending', attempts = attempts + 1, next_attempt_at = @leaseEnds
   where id in (select id from email_outbox
                 where status in ('queued', 'sending') and next_attempt_at <= @now
                 order by next_attempt_at limit @limit)
  returning id, round_id as roundId, invitation_id as invitationId, kind, number, sender_id as senderId,
            status, attempts, next_attempt_at as nextAttemptAt, last_error as lastError`;

/**
 * Claims up to `limit` due messages in one statement: queued ones whose time has come, and ones left
 * "sending" by a process that died before its lease ran out (sent again: at most one duplicate, never
 * a loss). One UPDATE … RETURNING, so two processes sharing the database never claim the same one.
 */
export function claimDue(db: Db, now: Date, limit: number, leaseMs = CLAIM_LEASE_MS): OutboxRow[] {
  const rows = db.$client.prepare(CLAIM_SQL).all({ now: now.getTime(), leaseEnds: now.getTime() + leaseMs, limit }) as (Omit<
    OutboxRow,
    "nextAttemptAt"
  > & { nextAttemptAt: number })[];
  return rows.map((r) => ({ ...r, nextAttemptAt: new Date(r.nextAttemptAt) }));
}
