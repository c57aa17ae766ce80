import { describe, expect, it } from "vitest";
import { unsubscribeUrl } from "../../src/email/deliver";
import { pauseOutbox } from "../../src/email/pause";
import { createTestApp } from "../support/app";
import { browserAndServer, clickAndWait, expectAccessibleAtLaptopAndPhone, heading } from "../support/browser";
import { makeGrant, makeMember, makeNetwork, makeRound, makeUser, TEST_PASSWORD } from "../support/factories";

const shared = browserAndServer();
const check = expectAccessibleAtLaptopAndPhone;

describe("email pages in a real browser", () => {
  it("have no WCAG A/AA violations: round page, links, administrators' page, unsubscribe", { timeout: 180_000 }, async () => {
    const t = shared.serve(
      createTestApp({ env: { PUBLIC_URL: shared.url, MAIL_FROM: "surveys@example.org" }, now: new Date().toISOString() }),
    );
    const admin = makeUser(t, { role: "admin", email: "admin-mail@example.org" });
    const facilitator = makeUser(t, { email: "lead-mail@example.org", name: "Lena Lead" });
    const network = makeNetwork(t, { name: "Valley Diabetes Network" });
    makeGrant(t, network.id, facilitator.id);
    const ann = makeMember(t, network.id, { name: "Ann Bell", email: "ann@example.org" });
    makeMember(t, network.id, { name: "Bo Smit", email: "bo@example.org" });
    const now = t.clock.now().getTime();
    const round = makeRound(t, network.id, {
      title: "Spring 2026",
      status: "open",
      openedAt: new Date(now),
      closesAt: new Date(now + 21 * 86_400_000),
    });

    // The pages hold no script of their own (CSP: script-src 'self', and none is served): forms post as plain HTML.
    const page = await shared.browser.newPage();
    try {
      await page.goto(`${shared.url}/rounds/${round.id}`);
      await page.type("#email", facilitator.email);
      await page.type("#password", TEST_PASSWORD);
      await clickAndWait(page, "form[action='/login'] button[type=submit]");
      expect(await heading(page)).toBe("Spring 2026");
      await check(page, "round page before email");
      await clickAndWait(page, "form[action$='/email/invitations'] button[type=submit]");
      expect(await page.content()).toContain("Invitations queued: 2 messages.");
      await check(page, "round page with queued email and reminders");
      await page.type("#reminder1", "x");
      await clickAndWait(page, "form[action$='/email/reminders'] button[type=submit]");
      await check(page, "reminders with an error");
      await page.goto(`${shared.url}/rounds/${round.id}/links`);
      await check(page, "members and their links, with email states");

      pauseOutbox(t.db, t.clock, "The mail server refused to sign in: check the user and password in SMTP_URL.");
      await page.deleteCookie({ name: "nm_session", url: shared.url });
      await page.goto(`${shared.url}/admin/mail`);
      await page.type("#email", admin.email);
      await page.type("#password", TEST_PASSWORD);
      await clickAndWait(page, "form[action='/login'] button[type=submit]");
      expect(await heading(page)).toBe("Email");
      await check(page, "administrators' email page, paused");

      await page.deleteCookie({ name: "nm_session", url: shared.url });
      await page.goto(unsubscribeUrl(t, ann.id, "nl"));
      await check(page, "unsubscribe page (Dutch)");
      await clickAndWait(page, "form button[type=submit]");
      expect(await heading(page)).toBe("Je krijgt geen enquête-e-mail meer van Valley Diabetes Network");
      await check(page, "unsubscribed (Dutch)");
    } finally {
      await page.close();
    }
  });
});
