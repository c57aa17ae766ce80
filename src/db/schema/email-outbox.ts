import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { invitations } from "./invitations";
import { rounds } from "./rounds";
import { users } from "./users";

export const EMAIL_KINDS = ["invitation", "reminder"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];
export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed", "bounced", "cancelled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One email to one member: what to send, not the message itself. The body (and the link in it) is
 * built at the moment it is sent from the sealed token (email_tokens), so nothing here holds a link.
 * Rows keep no time of sending: only when the next attempt is due while one is pending.
 */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    invitationId: text("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: EMAIL_KINDS }).notNull(),
    // 0 for an invitation (1, 2… when its link was replaced); a reminder's number in its round.
    number: integer("number").notNull(),
    // The facilitator the message is from (its From name and Reply-To).
    senderId: text("sender_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    // When a queued message may be tried (again); while sending, when the claim lapses (a process
    // killed mid-send leaves its message to be claimed again after this).
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    // Plain words for the facilitator (never a link, a token or the server's own text).
    lastError: text("last_error"),
  },
  (t) => [
    // Nothing is queued twice.
    uniqueIndex("email_outbox_message_idx").on(t.invitationId, t.kind, t.number),
    // The worker claims due messages by status and time.
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    // The round page counts its messages by status.
    index("email_outbox_round_idx").on(t.roundId, t.status),
  ],
);

export type OutboxRow = typeof emailOutbox.$inferSelect;
