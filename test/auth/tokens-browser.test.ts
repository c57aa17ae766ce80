import type { Page } from "puppeteer";
import { describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "../../src/auth/tokens";
import { createTestApp } from "../support/app";
import { browserAndServer, clickAndWait, expectAccessibleAtLaptopAndPhone, heading } from "../support/browser";
import { makeUser, TEST_PASSWORD } from "../support/factories";

const shared = browserAndServer();

/** axe at laptop and phone width (axe needs JavaScript; the page itself does not). */
async function check(page: Page, label: string) {
  await page.setJavaScriptEnabled(true);
  await page.reload();
  await expectAccessibleAtLaptopAndPhone(page, label);
  await page.setJavaScriptEnabled(false);
}

const rowTexts = (page: Page) =>
  page.$$eval("table tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")));

describe("API tokens in the browser, without JavaScript", () => {
  it("are listed with expiry and status, created with a chosen lifetime and revoked; the page has no WCAG A/AA violations", async () => {
    // The real time: the browser drops a session cookie whose expiry the test clock put in the past.
    const t = shared.serve(createTestApp({ env: { PUBLIC_URL: shared.url }, now: new Date().toISOString() }));
    const user = makeUser(t, { email: "fran@example.org", name: "Fran Facilitator" });
    const old = createApiToken(t.db, t.clock, user.id, "old export", 30);
    revokeApiToken(t.db, t.clock, user.id, old.id);
    createApiToken(t.db, t.clock, user.id, "nightly <script>", 365);

    const page = await shared.browser.newPage();
    await page.setJavaScriptEnabled(false);
    try {
      await page.goto(`${shared.url}/account`);
      await page.type("#email", user.email);
      await page.type("#password", TEST_PASSWORD);
      await clickAndWait(page, "form[action='/login'] button[type=submit]");
      expect(await heading(page)).toBe("Your account");
      const year = new Date(t.clock.now().getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
      const rows = await rowTexts(page);
      expect(rows).toHaveLength(2);
      expect(rows).toEqual(
        expect.arrayContaining([
          ["old export", expect.any(String), expect.any(String), "never", "revoked"],
          ["nightly <script>", expect.any(String), year, "never", "Revoke nightly <script>"],
        ]),
      );
      await check(page, "account page with tokens");

      // A name left empty: the error summary and the field say so.
      await page.select("#expiresInDays", "7");
      await clickAndWait(page, "form[action='/account/tokens'] button[type=submit]");
      expect(await page.$eval("#tokenName-error", (e) => e.textContent)).toBe("Token name is required");
      expect(await page.$eval("#expiresInDays", (e) => (e as HTMLSelectElement).value)).toBe("7");
      await check(page, "account page with a token error");

      await page.type("#tokenName", "weekly report");
      await page.select("#expiresInDays", "7");
      await clickAndWait(page, "form[action='/account/tokens'] button[type=submit]");
      const shown = await page.$eval("code.token", (e) => e.textContent ?? "");
      expect(shown).toMatch(/^nm_[\w-]{22}$/);
      const week = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
      expect(await page.$eval(".notice", (e) => e.textContent)).toContain(`works until ${week}`);

      // Revoke it with the form's button: the page comes back saying so, the token no longer works.
      const list = await t.app.request("http://localhost/api/v1/auth/tokens", { headers: { Authorization: `Bearer ${shown}` } });
      const { tokens } = (await list.json()) as { tokens: { id: string; name: string }[] };
      const id = tokens.find((x) => x.name === "weekly report")?.id;
      await clickAndWait(page, `form[action='/account/tokens/${id}/revoke'] button[type=submit]`);
      expect(new URL(page.url()).pathname).toBe("/account");
      expect(await page.$eval("main", (m) => m.textContent)).toContain("The token was revoked.");
      const res = await t.app.request("http://localhost/api/v1/auth/me", { headers: { Authorization: `Bearer ${shown}` } });
      expect(res.status).toBe(401);
    } finally {
      await page.close();
    }
  });
});
