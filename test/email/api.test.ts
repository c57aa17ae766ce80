import { describe, expect, it } from "vitest";
import { createMail } from "../../src/email/transport";
import { createTestApp } from "../support/app";
import { makeCast, makeMember, makeRound } from "../support/factories";
import { call } from "../support/http";
import { startSmtp } from "../support/smtp";
import { drain, linkIn } from "./support";

/** An app with a facilitator's network, two members and an open round, over the API. */
async function world(env: Record<string, string> = {}) {
  const t = createTestApp({ env: { MAIL_FROM: "surveys@netmirror.example", MAIL_RATE: "1000", ...env } });
  const cast = makeCast(t);
  const members = ["ana@members.example", "ben@members.example"].map((email) => makeMember(t, cast.network.id, { email }));
  makeMember(t, cast.network.id, { email: null, name: "No Email" });
  const round = makeRound(t, cast.network.id, {
    status: "open",
    openedAt: t.clock.now(),
    closesAt: new Date(t.clock.now().getTime() + 21 * 86_400_000),
  });
  const cookie = cast.facilitator.cookie;
  return { t, cast, members, round, cookie };
}

describe("the email API", () => {
  it("queues the invitations, reports who was skipped, and shows counts, reminders and each member's state", async () => {
    const smtp = await startSmtp();
    const w = await world({ SMTP_URL: smtp.url });
    const res = await call(w.t, "POST", `/api/v1/rounds/${w.round.id}/email/invitations`, {}, { cookie: w.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      queued: 2,
      replaced: 0,
      skipped: { noEmail: 1, handedOut: 0, alreadyEmailed: 0, submitted: 0, unsubscribed: 0, bounced: 0 },
    });
    const mail = createMail(w.t.config.mail);
    await drain(w.t, mail);
    mail.mailer?.close();
    const status = await call(w.t, "GET", `/api/v1/rounds/${w.round.id}/email`, undefined, { cookie: w.cookie });
    expect(status.status).toBe(200);
    expect(status.headers.get("cache-control")).toContain("no-store");
    expect(status.json).toMatchObject({
      configured: true,
      paused: false,
      counts: { sent: 2, queued: 0, failed: 0, bounced: 0 },
      lastError: null,
    });
    const day = 86_400_000;
    const opened = w.round.openedAt?.getTime() ?? 0;
    expect(status.json.reminders).toEqual([
      { number: 1, dueAt: new Date(opened + 5 * day).toISOString(), sent: false },
      { number: 2, dueAt: new Date(opened + 10 * day).toISOString(), sent: false },
    ]);
    expect(status.json.nextReminder).toBe(new Date(opened + 5 * day).toISOString());
    const states = Object.fromEntries(status.json.members.map((m: { memberId: string; state: string }) => [m.memberId, m.state]));
    expect(states[w.members[0]?.id as string]).toBe("sent");
    // Nothing in the API or its errors holds a link.
    const token = linkIn(smtp.received[0]?.mail.text).split("/s/")[1] as string;
    expect(status.text).not.toContain(token);
    expect(JSON.stringify(w.t.logs)).not.toContain(token);
  });

  it("changes the reminders (times with their offset) and sends one now", async () => {
    const w = await world({ SMTP_URL: "smtp://127.0.0.1:9" });
    await call(w.t, "POST", `/api/v1/rounds/${w.round.id}/email/invitations`, {}, { cookie: w.cookie });
    const put = await call(
      w.t,
      "PUT",
      `/api/v1/rounds/${w.round.id}/email/reminders`,
      { reminders: ["2026-03-09T10:00:00+01:00"] },
      { cookie: w.cookie },
    );
    expect(put.status).toBe(200);
    expect(put.json.reminders).toEqual([{ number: 1, dueAt: "2026-03-09T09:00:00.000Z", sent: false }]);
    const now = await call(w.t, "POST", `/api/v1/rounds/${w.round.id}/email/reminders/now`, undefined, { cookie: w.cookie });
    expect(now.status).toBe(200);
    expect(now.json).toMatchObject({ queuedNow: 2, counts: { queued: 4 }, nextReminder: null });
  });

  it("answers 400 naming the field for bad input", async () => {
    const w = await world();
    const bad = await call(w.t, "POST", `/api/v1/rounds/${w.round.id}/email/invitations`, { replaceLinks: "yes" }, { cookie: w.cookie });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].field).toBe("replaceLinks");
    const dates = await call(
      w.t,
      "PUT",
      `/api/v1/rounds/${w.round.id}/email/reminders`,
      { reminders: ["next tuesday"] },
      { cookie: w.cookie },
    );
    expect(dates.status).toBe(400);
    expect(dates.json.error.details[0].field).toBe("reminders.0");
    const past = await call(
      w.t,
      "PUT",
      `/api/v1/rounds/${w.round.id}/email/reminders`,
      { reminders: ["2020-01-01T00:00:00Z"] },
      { cookie: w.cookie },
    );
    expect(past.status).toBe(400);
    expect(past.json.error.details).toEqual([{ field: "reminders.0", message: "must be in the future" }]);
    const four = Array.from({ length: 4 }, (_, i) => `2026-03-1${i}T09:00:00Z`);
    expect((await call(w.t, "PUT", `/api/v1/rounds/${w.round.id}/email/reminders`, { reminders: four }, { cookie: w.cookie })).status).toBe(
      400,
    );
  });

  it("answers 409 for a closed round, a draft, an open-link round, and a reminder before any invitation", async () => {
    const w = await world();
    expect(
      (await call(w.t, "POST", `/api/v1/rounds/${w.round.id}/email/reminders/now`, undefined, { cookie: w.cookie })).json.error,
    ).toMatchObject({
      code: "conflict",
      message: "Nobody in this round is waiting for an answer by email: email the invitations first",
    });
    await call(w.t, "POST", `/api/v1/rounds/${w.round.id}/close`, undefined, { cookie: w.cookie });
    const closed = await call(w.t, "POST", `/api/v1/rounds/${w.round.id}/email/invitations`, {}, { cookie: w.cookie });
    expect(closed.status).toBe(409);
    expect(closed.json.error.message).toBe("This round is closed: no email is sent for it");
    const draft = makeRound(w.t, w.cast.network.id);
    expect((await call(w.t, "POST", `/api/v1/rounds/${draft.id}/email/invitations`, {}, { cookie: w.cookie })).status).toBe(409);
    const open = makeRound(w.t, w.cast.network.id, { status: "open", access: "open", openedAt: w.t.clock.now() });
    expect((await call(w.t, "POST", `/api/v1/rounds/${open.id}/email/invitations`, {}, { cookie: w.cookie })).status).toBe(409);
  });

  it("without SMTP_URL keeps the messages queued and says so in plain words", async () => {
    const w = await world();
    await call(w.t, "POST", `/api/v1/rounds/${w.round.id}/email/invitations`, {}, { cookie: w.cookie });
    const status = await call(w.t, "GET", `/api/v1/rounds/${w.round.id}/email`, undefined, { cookie: w.cookie });
    expect(status.json).toMatchObject({
      configured: false,
      counts: { queued: 2, sent: 0 },
      lastError: "Not sent: no mail server configured (SMTP_URL). The links can still be downloaded.",
    });
    const admin = await call(w.t, "GET", "/api/v1/mail", undefined, { cookie: w.cast.admin.cookie });
    expect(admin.json).toEqual({ configured: false, capture: false, paused: false, pausedAt: null, error: null });
  });
});
