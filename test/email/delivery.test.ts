import { describe, expect, it } from "vitest";
import { emailRounds, emailTokens } from "../../src/db/schema";
import { retryDelayMs } from "../../src/email/backoff";
import { suppressedAddresses } from "../../src/email/outbox";
import { pauseState, resumeOutbox } from "../../src/email/pause";
import { emailInvitations } from "../../src/email/service";
import { startMailWorker } from "../../src/email/worker";
import { closeRound } from "../../src/rounds/lifecycle";
import { startSmtp } from "../support/smtp";
import { drain, emailWorld, outboxOf } from "./support";

describe("sending the outbox", () => {
  it("retries a 451 with backoff and sends on the next attempt", async () => {
    const smtp = await startSmtp({ rcpt: (_address, count) => (count === 1 ? 451 : undefined) });
    const w = emailWorld(smtp, { emails: ["ana@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    expect(await drain(w.t, w.mail)).toMatchObject({ retry: 1, sent: 0 });
    const [waiting] = outboxOf(w.t, w.round.id);
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, lastError: "The mail server asked to try again later (451)." });
    // About 15 s later (±20 %): not before 12 s, due by 18 s.
    const wait = (waiting?.nextAttemptAt?.getTime() ?? 0) - w.t.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(12_000);
    expect(wait).toBeLessThanOrEqual(18_000);
    w.t.clock.advance(11_000);
    expect(await drain(w.t, w.mail)).toMatchObject({ sent: 0, retry: 0 });
    w.t.clock.advance(7_000);
    expect(await drain(w.t, w.mail)).toMatchObject({ sent: 1 });
    expect(outboxOf(w.t, w.round.id)[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it("retries when the mail server cannot be reached at all (connection refused)", async () => {
    const smtp = await startSmtp();
    await smtp.close();
    const w = emailWorld(smtp, { emails: ["ana@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    expect(await drain(w.t, w.mail)).toMatchObject({ retry: 1, paused: 0 });
    expect(outboxOf(w.t, w.round.id)[0]).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: "The mail server could not be reached or stopped answering.",
    });
  });

  it("waits about 15 s, 1 min, 4 min and 15 min between attempts, then marks the message failed after the fifth", async () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0.5))).toEqual([15_000, 60_000, 240_000, 960_000]);
    expect(retryDelayMs(1, () => 0)).toBe(12_000);
    expect(retryDelayMs(1, () => 1)).toBe(18_000);
    const smtp = await startSmtp({ rcpt: () => 421 });
    const w = emailWorld(smtp, { emails: ["ana@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    for (let attempt = 1; attempt <= 5; attempt++) {
      await drain(w.t, w.mail);
      w.t.clock.advance(20 * 60_000);
    }
    expect(outboxOf(w.t, w.round.id)[0]).toMatchObject({ status: "failed", attempts: 5 });
    expect(outboxOf(w.t, w.round.id)[0]?.lastError).toMatch(/Gave up after 5 attempts/);
    expect(smtp.tries("ana@members.example")).toBe(5);
  });

  it("marks a member refused with 550 bounced, shows it, and sends them nothing more", async () => {
    const smtp = await startSmtp({ rcpt: (address) => (address === "gone@members.example" ? 550 : undefined) });
    const w = emailWorld(smtp, { emails: ["ana@members.example", "gone@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    expect(await drain(w.t, w.mail)).toMatchObject({ sent: 1, bounced: 1 });
    expect(suppressedAddresses(w.t.db, w.network.id).get("gone@members.example")).toBe("bounced");
    expect(outboxOf(w.t, w.round.id).find((m) => m.status === "bounced")?.lastError).toBe(
      "The member's mail server refused the address (550).",
    );
    // A later round of the same network does not mail the address either.
    const result = emailInvitations(w.t, w.actor, w.round, {});
    expect(result.skipped.bounced).toBe(1);
    expect(smtp.tries("gone@members.example")).toBe(1);
  });

  it("pauses the outbox on a refused sign-in without marking anyone bounced, and resumes when told", async () => {
    const smtp = await startSmtp({ refuseAuth: true });
    const w = emailWorld(smtp, { emails: ["ana@members.example", "ben@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    expect(await drain(w.t, w.mail)).toMatchObject({ paused: 1, sent: 0, bounced: 0 });
    const state = pauseState(w.t.db);
    expect(state.paused).toBe(true);
    expect(state.error).toBe("The mail server refused to sign in: check the user and password in SMTP_URL.");
    expect(outboxOf(w.t, w.round.id).map((m) => [m.status, m.attempts])).toEqual([
      ["queued", 0],
      ["queued", 0],
    ]);
    expect(suppressedAddresses(w.t.db, w.network.id).size).toBe(0);
    // Paused: nothing is tried until an administrator resumes.
    expect(await drain(w.t, w.mail)).toMatchObject({ paused: 0, sent: 0 });
    resumeOutbox(w.t.db);
    expect(pauseState(w.t.db).paused).toBe(false);
  });

  it("pauses on a 5xx before any recipient (the sender refused), never blaming the member", async () => {
    const smtp = await startSmtp({ mailFrom: 553 });
    const w = emailWorld(smtp, { emails: ["ana@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    expect(await drain(w.t, w.mail)).toMatchObject({ paused: 1, bounced: 0 });
    expect(pauseState(w.t.db).error).toMatch(/refused to send for netmirror \(553 at MAIL\)/);
    expect(outboxOf(w.t, w.round.id)[0]?.status).toBe("queued");
  });

  it("sends no faster than MAIL_RATE", async () => {
    const smtp = await startSmtp();
    const emails = Array.from({ length: 6 }, (_, i) => `m${i}@members.example`);
    const w = emailWorld(smtp, { emails, rate: 20 });
    emailInvitations(w.t, w.actor, w.round, {});
    const started = performance.now();
    expect(await drain(w.t, w.mail, { sleep: (ms) => new Promise((r) => setTimeout(r, ms)) })).toMatchObject({ sent: 6 });
    // Six messages at 20 per second: five gaps of 50 ms at least.
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    const at = smtp.received.map((r) => r.at).sort((a, b) => a - b);
    // And never a burst: at 20 per second, no 100 ms window holds more than two (plus one for network jitter).
    for (const first of at) expect(at.filter((a) => a >= first && a < first + 100).length).toBeLessThanOrEqual(3);
  });

  it("stops between messages when the server stops, handing back what it had claimed", async () => {
    const smtp = await startSmtp();
    const emails = Array.from({ length: 5 }, (_, i) => `m${i}@members.example`);
    const w = emailWorld(smtp, { emails, rate: 2 });
    emailInvitations(w.t, w.actor, w.round, {});
    const stop = startMailWorker({ ...w.t.deps }, w.mail);
    await smtp.next();
    await stop();
    const rows = outboxOf(w.t, w.round.id);
    expect(rows.filter((m) => m.status === "sent").length).toBe(smtp.received.length);
    expect(smtp.received.length).toBeLessThan(5);
    expect(rows.filter((m) => m.status !== "sent").every((m) => m.status === "queued" && m.attempts === 0)).toBe(true);
  });

  it("without SMTP_URL sends nothing and keeps every message queued", async () => {
    const w = emailWorld(null, { emails: ["ana@members.example"] });
    expect(w.mail.mailer).toBeNull();
    emailInvitations(w.t, w.actor, w.round, {});
    expect(await drain(w.t, w.mail)).toMatchObject({ sent: 0 });
    expect(outboxOf(w.t, w.round.id).map((m) => m.status)).toEqual(["queued"]);
  });

  it("sends nothing for a round that closed, and empties its outbox at close keeping the counts", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, { emails: ["ana@members.example", "ben@members.example", "cas@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    await drain(w.t, w.mail, {}).then(() => undefined);
    expect(smtp.received).toHaveLength(3);
    // Two more queued (links replaced by nobody): the reminder now, then the round closes before sending.
    const { sendReminderNow } = await import("../../src/email/reminders");
    expect(sendReminderNow(w.t, w.actor, w.round)).toBe(3);
    closeRound(w.t, w.round);
    expect(await drain(w.t, w.mail)).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(3);
    expect(outboxOf(w.t, w.round.id)).toEqual([]);
    expect(w.t.db.select().from(emailTokens).all()).toEqual([]);
    expect(w.t.db.select().from(emailRounds).get()).toMatchObject({ sent: 3, cancelled: 3, failed: 0, bounced: 0 });
  });

  it("cancels a queued message whose round passed its closing time before it was sent", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, { emails: ["ana@members.example"], closesAt: new Date("2026-03-02T10:00:00Z") });
    emailInvitations(w.t, w.actor, w.round, {});
    w.t.clock.set("2026-03-02T10:00:01Z");
    expect(await drain(w.t, w.mail)).toMatchObject({ sent: 0, cancelled: 1 });
    expect(smtp.received).toHaveLength(0);
  });
});
