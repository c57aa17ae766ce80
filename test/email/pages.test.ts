import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { pauseOutbox } from "../../src/email/pause";
import { emailInvitations } from "../../src/email/service";
import { createMail } from "../../src/email/transport";
import { createTestApp } from "../support/app";
import { makeCast, makeMember, makeRound, sessionFor } from "../support/factories";
import { getPage, postForm } from "../support/http";
import { drain } from "./support";

function world(env: Record<string, string> = {}) {
  const t = createTestApp({ env: { MAIL_FROM: "surveys@netmirror.example", MAIL_RATE: "1000", ...env } });
  const cast = makeCast(t);
  t.db.$client.prepare("update networks set time_zone = 'Europe/Amsterdam' where id = ?").run(cast.network.id);
  const members = ["ana@members.example", "ben@members.example"].map((email) => makeMember(t, cast.network.id, { email }));
  const round = makeRound(t, cast.network.id, {
    status: "open",
    openedAt: new Date("2026-03-02T09:00:00Z"),
    closesAt: new Date("2026-03-23T17:00:00Z"),
  });
  return { t, cast, members, round, cookie: cast.facilitator.cookie };
}

describe("the round page's email", () => {
  it("emails the invitations from the form and shows counts and the next reminder in the network's zone", async () => {
    const w = world({ SMTP_URL: "smtp://127.0.0.1:9" });
    const before = await getPage(w.t, `/rounds/${w.round.id}`, { cookie: w.cookie });
    expect(before.text).toContain("Email the invitations");
    expect(before.text).toContain("Replace their links");
    expect(before.text).toContain("any answers they saved with it but did not send are lost");
    const posted = await postForm(w.t, `/rounds/${w.round.id}/email/invitations`, {}, { cookie: w.cookie });
    expect(posted.status).toBe(303);
    const after = await getPage(w.t, posted.headers.get("location") ?? "", { cookie: w.cookie });
    expect(after.text).toContain("Invitations queued: 2 messages.");
    expect(after.text).toMatch(/<dt>Queued<\/dt><dd>2<\/dd>/);
    // 5 days after opening at 09:00 UTC: 10:00 in Amsterdam (CET).
    expect(after.text).toContain("<dt>Next reminder</dt><dd>7 March 2026 at 10:00 CET</dd>");
    expect(after.text).toContain('value="2026-03-12T10:00"');
  });

  it("saves reminders typed in the network's zone, and refuses a past one beside its field", async () => {
    const w = world();
    emailInvitations(w.t, { userId: w.cast.facilitator.user.id, email: "", name: "", role: "facilitator", via: "session" }, w.round, {});
    const saved = await postForm(
      w.t,
      `/rounds/${w.round.id}/email/reminders`,
      { reminder1: "2026-03-10T09:00", reminder2: "" },
      { cookie: w.cookie },
    );
    expect(saved.status).toBe(303);
    const page = await getPage(w.t, saved.headers.get("location") ?? "", { cookie: w.cookie });
    expect(page.text).toContain("The reminders were saved.");
    expect(page.text).toContain("<li>10 March 2026 at 09:00 CET</li>");
    const past = await postForm(w.t, `/rounds/${w.round.id}/email/reminders`, { reminder1: "2026-03-01T09:00" }, { cookie: w.cookie });
    expect(past.status).toBe(400);
    expect(past.text).toContain('<p class="field-error" id="reminder1-error">This reminder must be in the future</p>');
    const nonsense = await postForm(w.t, `/rounds/${w.round.id}/email/reminders`, { reminder1: "soon" }, { cookie: w.cookie });
    expect(nonsense.status).toBe(400);
    expect(nonsense.text).toContain("Reminder 1 must be a date and time");
  });

  it("says plainly that nothing is sent without a mail server, and shows commissioners nothing of it", async () => {
    const w = world();
    await postForm(w.t, `/rounds/${w.round.id}/email/invitations`, {}, { cookie: w.cookie });
    const page = await getPage(w.t, `/rounds/${w.round.id}`, { cookie: w.cookie });
    expect(page.text).toContain("No mail server is configured (SMTP_URL), so nothing is sent");
    expect(page.text).toContain("Not sent: no mail server configured (SMTP_URL).");
    const links = await getPage(w.t, `/rounds/${w.round.id}/links`, { cookie: w.cookie });
    expect(links.text).toContain("Invitation not sent: no mail server configured");
    const commissioner = await getPage(w.t, `/rounds/${w.round.id}`, { cookie: w.cast.commissioner.cookie });
    expect(commissioner.text).not.toContain("Invitations and reminders by email");
    expect((await postForm(w.t, `/rounds/${w.round.id}/email/invitations`, {}, { cookie: w.cast.commissioner.cookie })).status).toBe(403);
  });
});

describe("a closed round's email", () => {
  it("keeps only the counts, shown on the round page without any form", async () => {
    const w = world();
    await postForm(w.t, `/rounds/${w.round.id}/email/invitations`, {}, { cookie: w.cookie });
    await postForm(w.t, `/rounds/${w.round.id}/close`, {}, { cookie: w.cookie });
    const page = await getPage(w.t, `/rounds/${w.round.id}`, { cookie: w.cookie });
    expect(page.text).toMatch(/<dt>Sent<\/dt><dd>0<\/dd>/);
    expect(page.text).toMatch(/<dt>Queued<\/dt><dd>0<\/dd>/);
    expect(page.text).toContain("<dt>Not needed</dt><dd>2 ");
    expect(page.text).not.toContain("Email the invitations");
    expect(page.text).not.toContain("Send a reminder now");
    expect(w.t.db.$client.prepare("select sent, cancelled from email_rounds").get()).toEqual({ sent: 0, cancelled: 2 });
  });
});

describe("the administrators' email page", () => {
  it("shows a paused outbox's error and resumes it; facilitators may not", async () => {
    const w = world({ SMTP_URL: "smtp://127.0.0.1:9" });
    pauseOutbox(w.t.db, w.t.clock, "The mail server refused to sign in: check the user and password in SMTP_URL.");
    const page = await getPage(w.t, "/admin/mail", { cookie: w.cast.admin.cookie });
    expect(page.text).toContain("Sending is paused");
    expect(page.text).toContain("The mail server refused to sign in");
    expect((await getPage(w.t, "/admin/mail", { cookie: w.cookie })).status).toBe(403);
    expect((await postForm(w.t, "/admin/mail/resume", {}, { cookie: w.cookie })).status).toBe(403);
    const resumed = await postForm(w.t, "/admin/mail/resume", {}, { cookie: w.cast.admin.cookie });
    expect(resumed.headers.get("location")).toBe("/admin/mail?done=resumed");
    expect((await getPage(w.t, "/admin/mail", { cookie: w.cast.admin.cookie })).text).toContain("Sending normally.");
    // Facilitators see the pause on their round page too.
    pauseOutbox(w.t.db, w.t.clock, "A secure (TLS) connection to the mail server could not be made.");
    emailInvitations(w.t, { userId: w.cast.facilitator.user.id, email: "", name: "", role: "facilitator", via: "session" }, w.round, {});
    expect((await getPage(w.t, `/rounds/${w.round.id}`, { cookie: w.cookie })).text).toContain(
      "Sending is paused: A secure (TLS) connection",
    );
  });

  it("in the demo, lets an administrator read captured messages exactly as members would get them", async () => {
    const w = world({ DEMO: "1", MAIL_CAPTURE: "1" });
    const mail = createMail(w.t.config.mail);
    const app = createApp({ ...w.t.deps, mail });
    emailInvitations(
      w.t,
      { userId: w.cast.facilitator.user.id, email: "", name: w.cast.facilitator.user.name, role: "facilitator", via: "session" },
      w.round,
      {},
    );
    expect(await drain(w.t, mail)).toMatchObject({ sent: 2 });
    const admin = w.cast.admin.cookie;
    const list = await getPage({ app }, "/admin/mail", { cookie: admin });
    expect(list.text).toContain("ana@members.example");
    expect(list.text).toContain("a temperature check of our network");
    const message = await getPage({ app }, "/admin/mail/messages/1", { cookie: admin });
    expect(message.status).toBe(200);
    expect(message.headers.get("cache-control")).toContain("no-store");
    expect(message.text).toMatch(/http:\/\/localhost\/s\/[A-Za-z0-9_-]{22}/);
    expect(message.text).toContain("List-Unsubscribe-Post");
    const html = await getPage({ app }, "/admin/mail/messages/1/html", { cookie: admin });
    expect(html.headers.get("content-security-policy")).toContain("sandbox");
    expect(html.text).toContain("Answer the questions");
    expect((await getPage({ app }, "/admin/mail/messages/1", { cookie: sessionFor(w.t, w.cast.facilitator.user.id) })).status).toBe(403);
    expect((await getPage({ app }, "/admin/mail/messages/99", { cookie: admin })).status).toBe(404);
  });
});
