import type { Browser, BrowserContext, ElementHandle, Page } from "puppeteer";
import { expect } from "vitest";
import { type AxeViolation, axeViolations } from "../support/browser";
import { TEST_PASSWORD } from "../support/factories";

/**
 * Helpers for walking the app in a real browser as its people do: every page they land on is
 * checked with axe (WCAG 2.2 A/AA); findings are kept per page, so that one run reports every
 * page at once, and so are console errors (a CSP refusal shows up there).
 */
export function walker(browser: Browser, baseUrl: string) {
  const visited: string[] = [];
  const problems: string[] = [];
  const violations: Record<string, AxeViolation[]> = {};

  async function checkA11y(page: Page) {
    const found = await axeViolations(page);
    const { pathname } = new URL(page.url());
    visited.push(pathname);
    if (found.length > 0) violations[`${pathname} (${await page.title()})`] = found;
  }

  /**
   * Clicks and waits for the next page, then checks it with axe. `recheck: false` is for landing
   * again on a page already checked in the same state (axe is most of a walk's run time).
   */
  async function clickAndWait(page: Page, target: string | ElementHandle<Element>, recheck = true) {
    const element = typeof target === "string" ? await page.$(target) : target;
    if (!element) throw new Error(`Nothing matches ${target} on ${page.url()}`);
    await Promise.all([page.waitForNavigation(), element.click()]);
    if (recheck) await checkA11y(page);
  }

  /** The first `selector` element whose text contains `text`. */
  async function byText(page: Page, selector: string, text: string): Promise<ElementHandle<Element>> {
    for (const element of await page.$$(selector)) {
      if ((await element.evaluate((e) => e.textContent ?? "")).includes(text)) return element;
    }
    throw new Error(`No ${selector} says "${text}" on ${page.url()}`);
  }

  /** A person of their own: a fresh browser context (own cookies) on a laptop-sized window. */
  async function newPerson(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    return { context, page };
  }

  /** Signs in through the form; `check: false` when the sign-in and home pages were checked already. */
  async function signIn(page: Page, email: string, check = true) {
    await page.goto(`${baseUrl}/login`);
    if (check) await checkA11y(page);
    await page.type("#email", email);
    await page.type("#password", TEST_PASSWORD);
    await clickAndWait(page, 'main button[type="submit"]', check);
  }

  /** A form post or download made from Node as the signed-in browser would (its cookie, our Origin). */
  async function asBrowser(context: BrowserContext, method: string, path: string) {
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    return fetch(`${baseUrl}${path}`, { method, headers: { Cookie: cookie, Origin: baseUrl } });
  }

  /** The page stays within a phone's width: no sideways scrolling. */
  async function fitsPhone(page: Page) {
    await page.setViewport({ width: 360, height: 740 });
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    await page.setViewport({ width: 1280, height: 900 });
    expect(scroll, `${page.url()} is wider than a phone`).toBeLessThanOrEqual(client);
  }

  const heading = (page: Page) => page.$eval("h1", (h) => h.textContent?.replace(/\s+/g, " ").trim());
  const text = (page: Page) => page.$eval("main", (m) => m.textContent?.replace(/\s+/g, " ") ?? "");

  return { visited, problems, violations, checkA11y, clickAndWait, byText, newPerson, signIn, asBrowser, fitsPhone, heading, text };
}
