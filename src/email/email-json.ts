import type { RoundRow } from "../db/schema";
import { memberLinks } from "../invitations/link-status";
import type { Config } from "../lib/config";
import type { Db } from "../lib/db";
import { pauseState } from "./pause";
import { memberEmailStates, roundEmailStatus } from "./status";

/** Whether messages can leave: a mail server, or the demo's capture. */
export const mailConfigured = (config: Pick<Config, "mail">) => Boolean(config.mail.smtpUrl || config.mail.capture);

/** A round's email as the API shows it. */
export function roundEmailView(deps: { db: Db; config: Pick<Config, "mail"> }, round: RoundRow) {
  const status = roundEmailStatus(deps.db, round, mailConfigured(deps.config));
  const states = memberEmailStates(deps.db, round, memberLinks(deps.db, round));
  return {
    configured: status.configured,
    paused: status.paused,
    counts: status.counts,
    reminders: status.reminders.map((r) => ({ number: r.number, dueAt: r.dueAt.toISOString(), sent: r.queued })),
    nextReminder: status.nextReminder?.toISOString() ?? null,
    lastError: status.lastError,
    members: [...states].map(([memberId, s]) => ({ memberId, ...s })),
  };
}

/** The outbox as administrators see it. */
export function mailStatusView(deps: { db: Db; config: Pick<Config, "mail"> }) {
  const pause = pauseState(deps.db);
  return {
    configured: mailConfigured(deps.config),
    capture: deps.config.mail.capture,
    paused: pause.paused,
    pausedAt: pause.since?.toISOString() ?? null,
    error: pause.error,
  };
}
