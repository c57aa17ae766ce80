import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { rounds } from "../db/schema";
import { sendReminderNow } from "../email/reminders";
import { emailInvitations } from "../email/service";
import type { Clock } from "../lib/clock";
import type { Config } from "../lib/config";
import type { Db } from "../lib/db";
import { createRound, openRound } from "../rounds/service";

const DAY = 86_400_000;

/**
 * The demo's open round, its invitations emailed and a first reminder sent: with MAIL_CAPTURE=1 an
 * administrator reads them all on /admin/mail exactly as members would get them.
 */
export function seedDemoEmail(deps: { db: Db; clock: Clock; config: Config }, facilitator: Actor, networkId: string): void {
  const now = deps.clock.now();
  const created = createRound(deps, facilitator, networkId, {
    title: "Temperature check, winter",
    closesAt: new Date(now.getTime() + 21 * DAY),
  });
  const row = deps.db.select().from(rounds).where(eq(rounds.id, created.id)).get();
  if (!row) return;
  openRound(deps, facilitator, row);
  const open = deps.db.select().from(rounds).where(eq(rounds.id, created.id)).get();
  if (!open) return;
  emailInvitations(deps, facilitator, open, {});
  sendReminderNow(deps, facilitator, open);
}
