import { describe, expect, it } from "vitest";
import { sendReminderNow } from "../../src/email/reminders";
import { emailInvitations } from "../../src/email/service";
import { getPage, ORIGIN } from "../support/http";
import { startSmtp } from "../support/smtp";
import { drain, emailWorld, rawHeader } from "./support";

describe("unsubscribing", () => {
  it("one-click: a POST with no cookie stops the network's survey email, and the facilitator sees it", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, { emails: ["ana@members.example", "ben@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    await drain(w.t, w.mail);
    const ana = smtp.received.find((r) => r.to === "ana@members.example")?.mail;
    const url = /^<(.+)>$/.exec(rawHeader(ana, "list-unsubscribe") ?? "")?.[1] as string;
    expect(ana?.text).toContain(url);
    const path = url.replace(ORIGIN, "");
    // What a mail program sends (RFC 8058): no cookie, no Origin.
    const res = await w.t.app.request(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("You will get no more survey email from Riverside Care Network");
    sendReminderNow(w.t, w.actor, w.round);
    await drain(w.t, w.mail);
    expect(smtp.received.slice(2).map((r) => r.to)).toEqual(["ben@members.example"]);
    // The facilitator sees "unsubscribed" on the round's member list and on the roster.
    const cookie = (await import("../support/factories")).sessionFor(w.t, w.user.id);
    const links = await getPage(w.t, `/rounds/${w.round.id}/links`, { cookie });
    expect(links.text).toMatch(/ana@members\.example<\/td>\s*<td>Invited<\/td>\s*<td>Unsubscribed<\/td>/);
    expect(links.text).toMatch(/ben@members\.example<\/td>\s*<td>Invited<\/td>\s*<td>Reminder 1 sent<\/td>/);
    const roster = await getPage(w.t, `/networks/${w.network.id}/members`, { cookie });
    expect(roster.text).toContain('ana@members.example <span class="muted">(unsubscribed: no survey email)</span>');
    // The request log never holds the code.
    const code = path.split("/u/")[1]?.split("?")[0] as string;
    expect(JSON.stringify(w.t.logs)).not.toContain(code);
    expect(JSON.stringify(w.t.logs)).toContain("/u/:token");
  });

  it("a GET (a mail scanner following the link) shows one button in the round's language and changes nothing", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, { language: "nl", emails: ["daan@leden.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    await drain(w.t, w.mail);
    const url = /^<(.+)>$/.exec(rawHeader(smtp.received[0]?.mail, "list-unsubscribe") ?? "")?.[1] as string;
    const page = await getPage(w.t, url.replace(ORIGIN, ""));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="nl">');
    expect(page.text.match(/<button/g)).toHaveLength(1);
    expect(page.text).toContain("Geen enquête-e-mail meer");
    sendReminderNow(w.t, w.actor, w.round);
    await drain(w.t, w.mail);
    expect(smtp.received).toHaveLength(2);
  });

  it("one-click from a webmail page on another origin works too (the secret link is the credential)", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, { emails: ["ana@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    await drain(w.t, w.mail);
    const url = /^<(.+)>$/.exec(rawHeader(smtp.received[0]?.mail, "list-unsubscribe") ?? "")?.[1] as string;
    const res = await w.t.app.request(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "https://webmail.example.net",
        "Sec-Fetch-Site": "cross-site",
      },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect(emailInvitations(w.t, w.actor, w.round, {}).skipped.unsubscribed).toBe(1);
  });

  it("a link that is not ours is 404 and unsubscribes nobody", async () => {
    const w = emailWorld(null, { emails: ["ana@members.example"] });
    const forged = `${w.members[0]?.id}.AAAAAAAAAAAAAAAAAAAAAA`;
    const res = await w.t.app.request(`${ORIGIN}/u/${forged}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(404);
    expect(emailInvitations(w.t, w.actor, w.round, {}).queued).toBe(1);
  });
});
