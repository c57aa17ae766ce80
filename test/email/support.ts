import { eq } from "drizzle-orm";
import type { Actor } from "../../src/auth/actor";
import { emailOutbox, type RoundRow } from "../../src/db/schema";
import type { RoundModule } from "../../src/db/schema/rounds";
import { createMail, type Mail } from "../../src/email/transport";
import { sendDue } from "../../src/email/worker";
import { createTestApp, type TestApp } from "../support/app";
import { afterThisTest } from "../support/cleanup";
import { makeGrant, makeMember, makeNetwork, makeRound, makeUser } from "../support/factories";
import type { TestSmtp } from "../support/smtp";

/** An app sending to `smtp` (or to nowhere), a network in `zone` with a facilitator, `emails` on its roster and an open round. */
export function emailWorld(
  smtp: Pick<TestSmtp, "url"> | null,
  options: {
    language?: "en" | "nl";
    zone?: string;
    emails?: string[];
    rate?: number;
    closesAt?: Date;
    env?: Record<string, string>;
    modules?: RoundModule[];
  } = {},
) {
  const env: Record<string, string> = { MAIL_FROM: "surveys@netmirror.example", MAIL_RATE: String(options.rate ?? 1000), ...options.env };
  if (smtp) env.SMTP_URL = smtp.url;
  const t = createTestApp({ env });
  const mail = createMail(t.config.mail);
  afterThisTest(() => mail.mailer?.close());
  const network = makeNetwork(t, { name: "Riverside Care Network", timeZone: options.zone ?? "Europe/London" });
  const user = makeUser(t, { name: "Fran Facilitator", email: "fran@riverside.example", role: "facilitator" });
  makeGrant(t, network.id, user.id);
  const actor: Actor = { userId: user.id, role: "facilitator", name: user.name, email: user.email, via: "session" };
  const members = (options.emails ?? ["ana@members.example", "ben@members.example"]).map((email, i) =>
    makeMember(t, network.id, { email, name: `Member ${String.fromCharCode(65 + i)}` }),
  );
  const round = makeRound(t, network.id, {
    title: "Spring check",
    status: "open",
    openedAt: t.clock.now(),
    language: options.language ?? "en",
    modules: options.modules ?? [],
    closesAt: options.closesAt ?? new Date(t.clock.now().getTime() + 21 * 86_400_000),
  }) as RoundRow;
  return { t, mail, network, user, actor, members, round };
}

/** Runs the worker once over everything due, with pacing that does not wait. */
export function drain(t: TestApp, mail: Mail, extra: { sleep?: (ms: number) => Promise<void> } = {}) {
  return sendDue({ ...t.deps, sleep: extra.sleep ?? (async () => {}) }, mail);
}

/** The outbox rows of a round. */
export function outboxOf(t: TestApp, roundId: string) {
  return t.db.select().from(emailOutbox).where(eq(emailOutbox.roundId, roundId)).all();
}

/** The survey link in a message's text. */
export function linkIn(text: string | undefined): string {
  const found = /http:\/\/localhost\/s\/[A-Za-z0-9_-]{22}/.exec(text ?? "");
  if (!found) throw new Error("no survey link in the message");
  return found[0];
}

/** A header as it was sent (mailparser turns List-* headers into objects). */
export function rawHeader(mail: { headerLines: readonly { key: string; line: string }[] } | undefined, name: string): string | undefined {
  const line = mail?.headerLines.find((h) => h.key === name)?.line;
  return line
    ?.slice(line.indexOf(":") + 1)
    .replace(/\r?\n\s+/g, " ")
    .trim();
}
