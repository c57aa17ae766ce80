// The modules' survey pages in a real Chromium, with a round of 60 organisations: without
// JavaScript, by keyboard alone, at 320 px, in English and Dutch, with no WCAG 2.2 A/AA violations.
import type { Page } from "puppeteer";
import { describe, expect, it } from "vitest";
import { loadDraft } from "../../src/survey/drafts";
import { resolveLink } from "../../src/survey/link";
import { createTestApp, type TestApp } from "../support/app";
import { axeViolations, browserAndServer, clickAndWait, heading } from "../support/browser";
import { writePending } from "./helpers";
import { openModuleSurvey } from "./module-helpers";

const shared = browserAndServer();
const freshApp = (): TestApp => shared.serve(createTestApp({ env: { PUBLIC_URL: shared.url } }));

async function withPage(run: (page: Page) => Promise<void>, javascript = true) {
  const context = await shared.browser.createBrowserContext();
  const page = await context.newPage();
  await page.setJavaScriptEnabled(javascript);
  try {
    await run(page);
  } finally {
    await context.close();
  }
}

const count = (t: TestApp, table: string) => t.db.$client.prepare(`select count(*) from ${table}`).pluck().get();
const next = (page: Page) => clickAndWait(page, 'main button[value="next"]');

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, max = 200) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe("the modules' pages in a real browser, with 60 organisations", () => {
  it("can be answered without JavaScript, in Dutch, and are stored on submission", { timeout: 60_000 }, async () => {
    const t = freshApp();
    const { token, orgs } = openModuleSurvey(t, { organisations: 60 });
    await withPage(async (page) => {
      await page.goto(`${shared.url}/s/${token}/theme/5?lang=nl`);
      await page.click('label[for="value-1-4"]');
      await next(page);
      expect(page.url()).toContain("/connections/1?lang=nl");
      expect(await heading(page)).toBe("Samenwerken met andere organisaties");
      await page.click('label[for="organisation-7"]');
      await next(page);
      expect(await page.$("#partner-7")).toBeNull();
      for (const p of [0, 12, 59]) await page.click(`label[for="partner-${p}"]`);
      await next(page);
      expect(page.url()).toContain("/connections/3?lang=nl");
      expect(await page.$$eval("section.partner h2", (hs) => hs.map((h) => h.textContent))).toEqual([
        orgs[0]?.name,
        orgs[12]?.name,
        orgs[59]?.name,
      ]);
      await page.click('label[for="level-0-4"]');
      await page.click('label[for="trust-0-3"]');
      await page.click('label[for="value-0-4"]');
      await page.click('label[for="level-12-1"]');
      // Ratings with "aware" are shown (no script hides them) and not kept.
      await page.click('label[for="trust-12-2"]');
      await next(page);
      expect(await heading(page)).toBe("Waar het netwerk staat (1 van 4)");
      await page.click('label[for="maturity-purpose-current-2"]');
      await page.click('label[for="maturity-purpose-target-dont_know"]');
      for (let n = 1; n <= 4; n++) await next(page);
      expect(await heading(page)).toBe("Over jou en het netwerk");
      await next(page);
      expect(await heading(page)).toBe("Controleer je antwoorden");
      const rows = await page.$$eval("#review-connections ~ * dd, section[aria-labelledby=review-connections] dd", (dds) =>
        dds.map((dd) => dd.textContent?.trim()),
      );
      expect(rows).toEqual([
        orgs[7]?.name,
        "Integreren: gezamenlijke diensten, gedeeld personeel of budget; vertrouwen 3, waarde 4",
        "Kennen: we weten wat zij doen",
        "Aangevinkt, hoe jullie samenwerken niet ingevuld",
      ]);
      await clickAndWait(page, "main form button.button");
      expect(page.url()).toContain("/thanks");
    }, false);
    writePending(t);
    expect([
      count(t, "connection_records"),
      count(t, "connection_levels"),
      count(t, "connection_ratings"),
      count(t, "maturity_answers"),
    ]).toEqual([1, 2, 1, 1]);
  });

  it("can be answered by keyboard alone", { timeout: 60_000 }, async () => {
    const t = freshApp();
    const { token } = openModuleSurvey(t, { organisations: 60 });
    await withPage(async (page) => {
      await page.goto(`${shared.url}/s/${token}/connections/1`);
      await tabTo(page, 'input[name="organisation"]');
      // Space picks the first organisation, each arrow the next.
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      expect(page.url()).toContain("/connections/2");
      await tabTo(page, 'input[name="partner.5"]');
      await page.keyboard.press("Space");
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      expect(page.url()).toContain("/connections/3");
      await tabTo(page, 'input[name="level.5"]');
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowDown");
      await tabTo(page, 'input[name="trust.5"]');
      await page.keyboard.press("Space");
      await tabTo(page, 'main button[value="next"]');
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      expect(page.url()).toContain("/maturity/1");
      await tabTo(page, 'input[name="maturity.purpose.current"]');
      await page.keyboard.press("Space");
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      expect(page.url()).toContain("/maturity/2");
    });
    const draft = loadDraft(t.deps, resolveLink(t.deps, token), token);
    expect(draft?.connections).toEqual({ organisation: 2, partners: [{ organisation: 5, level: 2, trust: 1 }] });
    expect(draft?.maturity).toEqual({ purpose: { current: 1 } });
  });

  it.each(["en", "nl"])("has no WCAG 2.2 A/AA violations and no sideways scrolling at 320 px (%s)", { timeout: 180_000 }, async (lang) => {
    const t = freshApp();
    const { token } = openModuleSurvey(t, { organisations: 60 });
    const found: Record<string, unknown> = {};
    await withPage(async (page) => {
      // A draft with an organisation and ten partners, so that every page shows its questions.
      await page.goto(`${shared.url}/s/${token}/connections/1?lang=${lang}`);
      await page.click('label[for="organisation-0"]');
      await next(page);
      for (let p = 1; p <= 10; p++) await page.click(`label[for="partner-${p}"]`);
      await next(page);
      const paths = [
        "/connections/1",
        "/connections/2",
        "/connections/3",
        "/maturity/1",
        "/maturity/2",
        "/maturity/3",
        "/maturity/4",
        "/review",
      ];
      // Every page on a phone; at laptop width the two whose layout changes there (ratings, descriptors).
      for (const width of [1280, 320]) {
        await page.setViewport({ width, height: 700 });
        for (const path of width === 320 ? paths : ["/connections/3", "/maturity/1"]) {
          await page.goto(`${shared.url}/s/${token}${path}?lang=${lang}`);
          expect(await page.$eval("html", (html) => html.lang)).toBe(lang);
          // The maturity pages share one layout: axe on the first (and the last, with its Next to "about"), the width on all.
          if (!["/maturity/2", "/maturity/3"].includes(path)) {
            const violations = await axeViolations(page);
            if (violations.length) found[`${path} at ${width}`] = violations;
          }
          if (width === 320)
            expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 9999), path).toBeLessThanOrEqual(320);
        }
      }
      // A page showing an error summary: a tampered level sent through the page's own form.
      await page.goto(`${shared.url}/s/${token}/connections/3?lang=${lang}`);
      await page.$eval("#level-1-1", (input) => {
        (input as HTMLInputElement).value = "9";
      });
      await page.click('label[for="level-1-1"]');
      const [res] = await next(page);
      expect(res?.status()).toBe(400);
      expect(await page.$eval(".error-summary a", (a) => a.getAttribute("href"))).toBe("#level-1-1");
      const violations = await axeViolations(page);
      if (violations.length) found["levels with errors"] = violations;
    });
    expect(found).toEqual({});
  });
});
