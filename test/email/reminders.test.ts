import { describe, expect, it } from "vitest";
import type { RoundRow } from "../../src/db/schema";
import { suppressAddress } from "../../src/email/outbox";
import { remindersOf, sendReminderNow, setReminders } from "../../src/email/reminders";
import { emailInvitations } from "../../src/email/service";
import { makeRound } from "../support/factories";
import { call } from "../support/http";
import { startSmtp } from "../support/smtp";
import { drain, emailWorld, linkIn, outboxOf } from "./support";

const DAY = 86_400_000;

describe("reminders", () => {
  it("go 5 and 10 days after opening, only to members who have not submitted, unsubscribed or bounced", async () => {
    const smtp = await startSmtp({ rcpt: (address, count) => (address === "dan@members.example" && count > 1 ? 550 : undefined) });
    const emails = ["ana@members.example", "ben@members.example", "cas@members.example", "dan@members.example"];
    const w = emailWorld(smtp, { emails });
    emailInvitations(w.t, w.actor, w.round, {});
    const opened = w.round.openedAt?.getTime() ?? 0;
    expect(remindersOf(w.t.db, w.round.id).map((r) => r.dueAt.getTime() - opened)).toEqual([5 * DAY, 10 * DAY]);
    await drain(w.t, w.mail);
    expect(smtp.received).toHaveLength(4);
    // Ana answers; Ben unsubscribes.
    const anaToken = linkIn(smtp.received.find((r) => r.to === "ana@members.example")?.mail.text).split("/s/")[1];
    expect((await call(w.t, "POST", `/api/v1/s/${anaToken}/response`, { answers: { "purpose.1": 4 } })).status).toBe(201);
    suppressAddress(w.t.db, w.t.clock, w.network.id, "ben@members.example", "unsubscribed");
    // Not yet: four days and 23 hours in.
    w.t.clock.set(new Date(opened + 5 * DAY - 60_000));
    await drain(w.t, w.mail);
    expect(smtp.received).toHaveLength(4);
    w.t.clock.set(new Date(opened + 5 * DAY));
    expect(await drain(w.t, w.mail)).toMatchObject({ sent: 1, bounced: 1 });
    const first = smtp.received.slice(4);
    expect(first.map((r) => r.to)).toEqual(["cas@members.example"]);
    expect(first[0]?.mail.subject).toBe("Reminder: Riverside Care Network's temperature check");
    // The reminder carries the same link as the invitation.
    expect(linkIn(first[0]?.mail.text)).toBe(linkIn(smtp.received.find((r) => r.to === "cas@members.example")?.mail.text));
    // Dan bounced on the first reminder: the second goes to Cas alone.
    w.t.clock.set(new Date(opened + 10 * DAY));
    expect(await drain(w.t, w.mail)).toMatchObject({ sent: 1 });
    expect(smtp.received.slice(5).map((r) => r.to)).toEqual(["cas@members.example"]);
    expect(outboxOf(w.t, w.round.id).filter((m) => m.kind === "reminder")).toHaveLength(3);
  });

  it("can be changed: at most three, in the future, before closing; sent ones stay", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, { emails: ["ana@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    const now = w.t.clock.now().getTime();
    const at = (days: number) => new Date(now + days * DAY);
    expect(() => setReminders(w.t, w.actor, w.round, [at(-1)])).toThrow(/reminders.0: must be in the future/);
    expect(() => setReminders(w.t, w.actor, w.round, [at(30)])).toThrow(/must be before the round closes/);
    expect(() => setReminders(w.t, w.actor, w.round, [at(1), at(2), at(3), at(4)])).toThrow(/at most 3 reminders/);
    expect(setReminders(w.t, w.actor, w.round, [at(7), at(3)]).map((r) => r.dueAt)).toEqual([at(3), at(7)]);
    expect(sendReminderNow(w.t, w.actor, w.round)).toBe(1);
    // "Now" took the first one: one sent, one left, room for one more.
    expect(remindersOf(w.t.db, w.round.id).map((r) => r.queued)).toEqual([true, false]);
    expect(() => setReminders(w.t, w.actor, w.round, [at(5), at(6), at(8)])).toThrow(/1 already sent/);
    setReminders(w.t, w.actor, w.round, [at(5), at(6)]);
    sendReminderNow(w.t, w.actor, w.round);
    sendReminderNow(w.t, w.actor, w.round);
    expect(() => sendReminderNow(w.t, w.actor, w.round)).toThrow(/All 3 reminders/);
    await drain(w.t, w.mail);
    expect(smtp.received.map((r) => r.mail.subject?.startsWith("Reminder"))).toEqual([false, true, true, true]);
  });

  it("sent now in one round queue that round's reminder alone, not another round's that is due", () => {
    // No SMTP_URL: nothing is sent, so a due reminder of the other round waits in its schedule.
    const w = emailWorld(null, { emails: ["ana@members.example", "ben@members.example"] });
    const other = makeRound(w.t, w.network.id, {
      title: "Autumn check",
      status: "open",
      openedAt: w.t.clock.now(),
      closesAt: new Date(w.t.clock.now().getTime() + 21 * DAY),
    }) as RoundRow;
    emailInvitations(w.t, w.actor, w.round, {});
    emailInvitations(w.t, w.actor, other, {});
    // Five days in, both rounds' first reminders are due; the worker has not run.
    w.t.clock.set(new Date(w.t.clock.now().getTime() + 5 * DAY));
    expect(sendReminderNow(w.t, w.actor, w.round)).toBe(2);
    expect(outboxOf(w.t, w.round.id).filter((m) => m.kind === "reminder")).toHaveLength(2);
    expect(outboxOf(w.t, other.id).filter((m) => m.kind === "reminder")).toHaveLength(0);
    expect(remindersOf(w.t.db, other.id).map((r) => r.queued)).toEqual([false, false]);
  });

  it("an empty schedule chosen before the invitations stays empty", async () => {
    const w = emailWorld(null, { emails: ["ana@members.example"] });
    setReminders(w.t, w.actor, w.round, []);
    emailInvitations(w.t, w.actor, w.round, {});
    expect(remindersOf(w.t.db, w.round.id)).toEqual([]);
  });
});
