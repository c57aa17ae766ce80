import type { RoundRow } from "../db/schema";
import type { Config } from "../lib/config";
import type { Db } from "../lib/db";
import { toZonedLocal, zonedDateTime } from "../lib/zoned-time";
import { mailConfigured } from "./email-json";
import { MAX_REMINDERS } from "./reminders";
import { roundEmailStatus } from "./status";

const count = (n: number) => n.toLocaleString("en-GB");

/**
 * The round page's email section: counts, the reminders in the network's time zone, the last
 * problem in plain words and the facilitator's controls. Null for open-link rounds.
 */
export function roundEmailSection(deps: { db: Db; config: Pick<Config, "mail">; clock: { now(): Date } }, round: RoundRow, zone: string) {
  if (round.access !== "invite" || round.status === "draft") return null;
  const status = roundEmailStatus(deps.db, round, mailConfigured(deps.config));
  const open = round.status === "open";
  const anything = Object.values(status.counts).some((n) => n > 0);
  // A closed round that never used email has nothing to say about it.
  if (!open && !anything) return null;
  const pending = status.reminders.filter((r) => !r.queued);
  const sent = status.reminders.filter((r) => r.queued);
  const fields = Array.from({ length: MAX_REMINDERS - sent.length }, (_, i) => ({
    name: `reminder${i + 1}`,
    label: `Reminder ${sent.length + i + 1}`,
    value: pending[i] ? toZonedLocal(pending[i].dueAt, zone) : "",
  }));
  return {
    open,
    configured: status.configured,
    paused: status.paused,
    counts: {
      sent: count(status.counts.sent),
      queued: count(status.counts.queued),
      failed: count(status.counts.failed),
      bounced: count(status.counts.bounced),
      cancelled: count(status.counts.cancelled),
    },
    anything,
    nextReminder: open && status.nextReminder ? zonedDateTime(status.nextReminder, zone) : null,
    reminders: status.reminders.map((r) => ({ date: zonedDateTime(r.dueAt, zone), sent: r.queued })),
    fields,
    canRemindNow: open && (pending.length > 0 || status.reminders.length < MAX_REMINDERS),
    lastError: status.lastError,
  };
}
