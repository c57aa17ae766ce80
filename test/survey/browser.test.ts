import type { Page } from "puppeteer";
import { describe, expect, it } from "vitest";
import { answers, comments, responses } from "../../src/db/schema";
import { newToken } from "../../src/lib/ids";
import { closeRound } from "../../src/rounds/lifecycle";
import { saveDraft } from "../../src/survey/drafts";
import { resolveLink } from "../../src/survey/link";
import { submitResponse } from "../../src/survey/submit";
import { createTestApp, type TestApp } from "../support/app";
import { axeViolations, browserAndServer, clickAndWait, heading } from "../support/browser";
import { openSurvey, writePending } from "./helpers";

// One Chromium and one HTTP server for the file; each test builds its own app behind the server.
const shared = browserAndServer();

const freshApp = (): TestApp => shared.serve(createTestApp({ env: { PUBLIC_URL: shared.url } }));

/** A fresh page that records CSP and script errors; closed however the test ends. */
async function withPage(run: (page: Page, problems: string[]) => Promise<void>) {
  const page = await shared.browser.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    // A 4xx page (and the favicon nobody serves) is expected; CSP refusals and script errors are not.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  try {
    await run(page, problems);
  } finally {
    await page.close();
  }
}

const enterAndWait = (page: Page) => Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Picks an answer by keyboard: Tab into the group, Space picks the first choice, each arrow the next. */
async function pick(page: Page, name: string, arrows: number) {
  await tabTo(page, `input[name="${name}"]`);
  await page.keyboard.press("Space");
  for (let i = 0; i < arrows; i++) await page.keyboard.press("ArrowRight");
}

/** What the survey stored, once the pending pool is written out (as closing the round would). */
function stored(t: TestApp) {
  writePending(t);
  return {
    responses: t.db.select().from(responses).all(),
    answers: Object.fromEntries(
      t.db
        .select()
        .from(answers)
        .all()
        .map((a) => [a.itemCode, a.value]),
    ),
    comments: t.db
      .select()
      .from(comments)
      .all()
      .map((c) => c.text),
  };
}

describe("the survey in a real browser", () => {
  it("can be completed with the keyboard alone", async () => {
    const t = freshApp();
    const { token } = openSurvey(t);
    await withPage(async (page, problems) => {
      await page.goto(`${shared.url}/s/${token}`);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
      await tabTo(page, "a.button");
      await enterAndWait(page);
      expect(await heading(page)).toBe("Purpose");

      await pick(page, "purpose.1", 3); // Agree
      // The focused choice shows a focus ring.
      expect(await page.evaluate(() => document.activeElement && getComputedStyle(document.activeElement).outlineStyle)).toBe("solid");
      await pick(page, "purpose.2", 5); // Don't know
      await pick(page, "purpose.3", 0); // Strongly disagree
      await tabTo(page, "textarea");
      await page.keyboard.type("Typed with the keyboard");
      await tabTo(page, 'button[value="next"]');
      await enterAndWait(page);
      for (const [n, code] of [
        [2, "relationships.1"],
        [3, "communication.1"],
        [4, "governance.1"],
        [5, "value.1"],
      ] as const) {
        expect(page.url()).toContain(`/theme/${n}`);
        await pick(page, code, 1); // Disagree
        await tabTo(page, 'button[value="next"]');
        await enterAndWait(page);
      }
      expect(page.url()).toContain("/about");
      await pick(page, "overall", 7);
      await pick(page, "trend", 2);
      await tabTo(page, 'button[value="next"]');
      await enterAndWait(page);
      expect(await heading(page)).toBe("Check your answers");
      await tabTo(page, 'form button[type="submit"]');
      await enterAndWait(page);
      expect(await heading(page)).toBe("Thank you for your answers");
      expect(problems).toEqual([]);
    });
    const { responses: rows, answers: given, comments: texts } = stored(t);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ overall: 7, trend: "better", involvement: null });
    expect(given).toEqual({
      "purpose.1": 4,
      "purpose.2": 0,
      "purpose.3": 1,
      "relationships.1": 2,
      "communication.1": 2,
      "governance.1": 2,
      "value.1": 2,
    });
    expect(texts).toEqual(["Typed with the keyboard"]);
  });

  it("can be completed with JavaScript disabled, in Dutch, stopping half-way and resuming", async () => {
    const t = freshApp();
    const { token } = openSurvey(t);
    await withPage(async (page) => {
      await page.setJavaScriptEnabled(false);
      await page.goto(`${shared.url}/s/${token}`);
      await clickAndWait(page, 'a[hreflang="nl"]');
      await clickAndWait(page, "a.button");
      expect(page.url()).toContain("/theme/1?lang=nl");
      await page.click('label[for="purpose-1-5"]');
      await page.type("#comment-purpose", "Zonder JavaScript");
      await clickAndWait(page, 'button[value="save"]');
      expect(await heading(page)).toBe("Je antwoorden zijn opgeslagen");

      // Back later through the same link: Continue resumes at the first statement not answered yet,
      // which is on the page saved (the purpose statements left are asked, not skipped).
      await page.goto(`${shared.url}/s/${token}?lang=nl`);
      await clickAndWait(page, "a.button");
      expect(page.url()).toContain("/theme/1?lang=nl");
      expect(await page.$eval("#purpose-1-5", (input) => (input as HTMLInputElement).checked)).toBe(true);
      await clickAndWait(page, 'main button[value="next"]');
      expect(page.url()).toContain("/theme/2?lang=nl");
      await page.click('label[for="relationships-1-dont_know"]');
      for (let n = 2; n <= 5; n++) await clickAndWait(page, 'main button[value="next"]');
      expect(await heading(page)).toBe("Over jou en het netwerk");
      await page.click('label[for="overall-3"]');
      await page.click('label[for="professionalGroup-none"]');
      await clickAndWait(page, 'main button[value="next"]');
      expect(await heading(page)).toBe("Controleer je antwoorden");
      await clickAndWait(page, "#change-purpose");
      expect(await page.$eval("#purpose-1-5", (input) => (input as HTMLInputElement).checked)).toBe(true);
      // Next after a Change goes straight back to Check answers.
      await clickAndWait(page, 'main button[value="next"]');
      expect(await heading(page)).toBe("Controleer je antwoorden");
      await clickAndWait(page, 'form button[type="submit"]');
      expect(await heading(page)).toBe("Bedankt voor je antwoorden");
      expect(await page.$eval("html", (html) => html.lang)).toBe("nl");
    });
    const { responses: rows, answers: given, comments: texts } = stored(t);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ overall: 3, professionalGroup: null });
    expect(given).toEqual({ "purpose.1": 5, "relationships.1": 0 });
    expect(texts).toEqual(["Zonder JavaScript"]);
  });

  // axe takes about a second a page, so each language is a test of its own with room to spare.
  it.each(["en", "nl"])("has no WCAG 2.2 A/AA violations on any page (%s)", { timeout: 60_000 }, async (lang) => {
    const t = freshApp();
    const answering = openSurvey(t, { closesAt: new Date("2026-04-01T16:00:00Z") });
    saveDraft(t.deps, resolveLink(t.deps, answering.token), answering.token, {
      answers: { "purpose.1": 4, "purpose.2": "dont_know" },
      comments: { purpose: "A comment" },
      overall: 6,
    });
    const submitted = openSurvey(t);
    submitResponse(t.deps, submitted.token, { answers: { "purpose.1": 3 } });
    const closed = openSurvey(t);
    closeRound(t.deps, closed.round);
    const notOpen = openSurvey(t, { status: "draft", openedAt: null });
    const pages: [string, number][] = [
      [`/s/${answering.token}`, 200],
      [`/s/${answering.token}/theme/2`, 200],
      [`/s/${answering.token}/about`, 200],
      [`/s/${answering.token}/review`, 200],
      [`/s/${answering.token}/saved`, 200],
      [`/s/${submitted.token}/thanks`, 200],
      [`/s/${newToken()}`, 404],
      [`/s/${answering.token}/nothing`, 404],
      [`/s/${closed.token}`, 410],
      [`/s/${submitted.token}`, 409],
      [`/s/${notOpen.token}`, 409],
    ];
    const found: Record<string, unknown> = {};
    await withPage(async (page, problems) => {
      for (const [path, status] of pages) {
        const res = await page.goto(`${shared.url}${path}?lang=${lang}`);
        expect(res?.status(), path).toBe(status);
        expect(await page.$eval("html", (html) => html.lang)).toBe(lang);
        const violations = await axeViolations(page);
        if (violations.length) found[path] = violations;
      }
      // A theme page showing an error summary: a tampered value, sent through the page's own form.
      await page.goto(`${shared.url}/s/${answering.token}/theme/1?lang=${lang}`);
      await page.$eval("#purpose-1-1", (input) => {
        (input as HTMLInputElement).value = "7";
      });
      await page.click('label[for="purpose-1-1"]');
      const [res] = await clickAndWait(page, 'main button[value="next"]');
      expect(res?.status()).toBe(400);
      expect(await page.$eval(".error-summary a", (a) => a.getAttribute("href"))).toBe("#purpose-1-1");
      const violations = await axeViolations(page);
      if (violations.length) found["theme with errors"] = violations;
      // A CSP violation (an inline style or script) would show here.
      expect(problems).toEqual([]);
    });
    expect(found).toEqual({});
  });

  it("fits a 320 px wide screen without scrolling sideways", async () => {
    const t = freshApp();
    const { token } = openSurvey(t);
    await withPage(async (page) => {
      await page.setViewport({ width: 320, height: 640 });
      for (const path of ["", "/theme/2", "/theme/5", "/about", "/review"]) {
        for (const lang of ["en", "nl"]) {
          await page.goto(`${shared.url}/s/${token}${path}?lang=${lang}`);
          const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
          expect(width, `${lang} ${path}`).toBeLessThanOrEqual(320);
        }
      }
      // The radios wrap instead: several rows of choices for one statement.
      await page.goto(`${shared.url}/s/${token}/theme/1`);
      const rows = await page.$$eval(
        ".statement:first-of-type .choice",
        (labels) => new Set(labels.map((l) => l.getBoundingClientRect().top)).size,
      );
      expect(rows).toBeGreaterThan(1);
    });
  });
});
