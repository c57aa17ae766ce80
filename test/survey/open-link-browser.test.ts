// The open link and the language switch as members meet them: real Chromium, mostly without JavaScript.
import type { Page } from "puppeteer";
import { describe, expect, it } from "vitest";
import { invitations } from "../../src/db/schema";
import { newOpenCode } from "../../src/rounds/open-code";
import { createTestApp, type TestApp } from "../support/app";
import { axeViolations, browserAndServer, clickAndWait, heading } from "../support/browser";
import { makeNetwork, makeRound } from "../support/factories";
import { openSurvey } from "./helpers";

const shared = browserAndServer();
const freshApp = (): TestApp => shared.serve(createTestApp({ env: { PUBLIC_URL: shared.url } }));

function openLinkRound(t: TestApp, overrides: Parameters<typeof makeRound>[2] = {}) {
  const code = newOpenCode();
  const round = makeRound(t, makeNetwork(t).id, { access: "open", status: "open", openedAt: t.clock.now(), openCode: code, ...overrides });
  return { round, code };
}

/** A page without JavaScript, in its own browser context (its own cookies), closed however the test ends. */
async function withPage(run: (page: Page) => Promise<void>, javascript = false) {
  const context = await shared.browser.createBrowserContext();
  const page = await context.newPage();
  await page.setJavaScriptEnabled(javascript);
  try {
    await run(page);
  } finally {
    await context.close();
  }
}

const text = (page: Page) => page.$eval("main", (main) => main.textContent?.replace(/\s+/g, " ").trim() ?? "");
const checked = (page: Page, id: string) => page.$eval(`#${id}`, (input) => (input as HTMLInputElement).checked);

describe("an open link in a real browser, without JavaScript", () => {
  it("saves to a link of the visitor's own, shown to keep; the shared link starts afresh; after answering, the browser is reminded", async () => {
    const t = freshApp();
    const { round, code } = openLinkRound(t);
    let ownLink = "";
    await withPage(async (page) => {
      await page.goto(`${shared.url}/o/${code}`);
      expect(await text(page)).not.toContain("Your link is personal");
      expect(t.db.select().from(invitations).all()).toHaveLength(0);
      await clickAndWait(page, "a.button");
      await page.click('label[for="purpose-1-4"]');
      await clickAndWait(page, 'button[value="save"]');
      expect(await heading(page)).toBe("Your answers are saved");
      ownLink = await page.$eval(".own-link", (p) => p.textContent ?? "");
      expect(ownLink).toMatch(new RegExp(`^${shared.url}/s/[\\w-]{22}$`));
      // One click selects the whole link, ready to copy, without any script.
      expect(await page.$eval(".own-link", (p) => getComputedStyle(p).userSelect)).toBe("all");
      expect(await text(page)).toContain("always starts a new, empty survey");

      // The shared link again: an empty survey, not the saved answers.
      await page.goto(`${shared.url}/o/${code}`);
      expect(await page.$eval("a.button", (a) => a.textContent)).toBe("Start");
      await clickAndWait(page, "a.button");
      expect(await checked(page, "purpose-1-4")).toBe(false);

      // The visitor's own link brings the answers back, and carries on to a submission.
      await page.goto(ownLink);
      await clickAndWait(page, "a.button");
      expect(page.url()).toContain("/theme/1");
      expect(await checked(page, "purpose-1-4")).toBe(true);
      await page.goto(`${ownLink}/review`);
      await clickAndWait(page, 'form button[type="submit"]');
      expect(await heading(page)).toBe("Thank you for your answers");
      expect(await text(page)).toContain("You have already answered — answer again only if someone else is using this device.");

      // Back at the shared link from the same browser: reminded, and still able to hand the device on.
      await page.goto(`${shared.url}/o/${code}`);
      expect(await text(page)).toContain("You have already answered — answer again only if someone else is using this device.");
      const cookies = await page.cookies(`${shared.url}/o/${code}`);
      expect(cookies.map((c) => [c.name, c.value, c.path, c.httpOnly, c.sameSite])).toEqual([
        [`nm_answered_${round.id}`, "1", "/o", true, "Lax"],
      ]);
    });
    // Another browser is not told anything.
    await withPage(async (page) => {
      await page.goto(`${shared.url}/o/${code}`);
      expect(await text(page)).not.toContain("already answered");
    });
    expect(t.db.select().from(invitations).all()).toHaveLength(1);
  });
});

describe("the language switch in a real browser", () => {
  it("saves the ticked answers of the page and shows it in the other language, without JavaScript", async () => {
    const t = freshApp();
    const { token } = openSurvey(t);
    await withPage(async (page) => {
      await page.goto(`${shared.url}/s/${token}/theme/2`);
      await page.click('label[for="relationships-1-5"]');
      await page.type("#comment-relationships", "Niet kwijt");
      await clickAndWait(page, 'button[name="switch"][value="nl"]');
      expect(page.url()).toContain("/theme/2?lang=nl");
      expect(await page.$eval("html", (html) => html.lang)).toBe("nl");
      expect(await heading(page)).toBe("Relaties");
      expect(await checked(page, "relationships-1-5")).toBe(true);
      expect(await page.$eval("#comment-relationships", (area) => (area as HTMLTextAreaElement).value)).toBe("Niet kwijt");
    });
  });

  it("keeps Enter in the form meaning Next, not the switch", async () => {
    const t = freshApp();
    const { token } = openSurvey(t);
    await withPage(async (page) => {
      await page.goto(`${shared.url}/s/${token}/theme/1`);
      await page.click('label[for="purpose-1-2"]');
      await page.focus("#purpose-1-2");
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      expect(page.url()).toContain("/theme/2?lang=en");
    });
  });
});

describe("the new pages are accessible and fit a phone", () => {
  it.each(["en", "nl"])("has no WCAG 2.2 A/AA violations and no sideways scrolling at 320 px (%s)", { timeout: 60_000 }, async (lang) => {
    const t = freshApp();
    const { code } = openLinkRound(t, { closesAt: new Date("2026-04-01T16:00:00Z") });
    const closed = openLinkRound(t, { status: "closed", closedAt: t.clock.now(), mirrorSlug: "published-mirror" });
    const found: Record<string, unknown> = {};
    await withPage(async (page) => {
      await page.setViewport({ width: 320, height: 640 });
      // The visitor saves, which gives the saved page with their own link; then answers, for the reminder.
      await page.goto(`${shared.url}/o/${code}/theme/1?lang=${lang}`);
      await page.click('label[for="purpose-1-3"]');
      await clickAndWait(page, 'button[value="save"]');
      const saved = page.url();
      const own = saved.replace(/\/saved\?.*$/, "");
      const pages = [saved, `${own}/theme/1?lang=${lang}`, `${own}/about?lang=${lang}`, `${own}/review?lang=${lang}`];
      for (const url of pages) {
        await page.goto(url);
        const violations = await axeViolations(page);
        if (violations.length) found[url] = violations;
        expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 9999), url).toBeLessThanOrEqual(320);
      }
      await page.goto(`${own}/review?lang=${lang}`);
      await clickAndWait(page, 'form button[type="submit"]');
      for (const path of [`/o/${code}`, `/o/${closed.code}`]) {
        await page.goto(`${shared.url}${path}?lang=${lang}`);
        const violations = await axeViolations(page);
        if (violations.length) found[path] = violations;
        expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 9999), path).toBeLessThanOrEqual(320);
      }
      expect(await page.$eval("main a", (a) => a.getAttribute("href"))).toBe("/m/published-mirror");
    }, true);
    expect(found).toEqual({});
  });
});
