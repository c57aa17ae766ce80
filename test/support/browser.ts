import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import puppeteer, { type Browser, type Page } from "puppeteer";
import { afterAll, beforeAll, expect } from "vitest";
import { findChromium, INSTALL_HINT, launchOptions } from "../../src/reports/chromium";
import type { TestApp } from "./app";

/**
 * The system Chromium, headless, launched the way the PDF renderer launches it. Browser tests share
 * one per file (launch in beforeAll, close in afterAll). Throws when there is none, so that a
 * missing browser fails loudly instead of skipping the accessibility checks.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium(process.env.PUPPETEER_EXECUTABLE_PATH);
  if (!executablePath) throw new Error(`Browser tests need Chromium and none was found. ${INSTALL_HINT}.`);
  return puppeteer.launch(launchOptions(executablePath));
}

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: what the issue asks zero violations of. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** One violation in a line a person can act on: rule, help text and the offending elements. */
export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  targets: string[];
}

// axe-core's own source, evaluated in the page. Driving axe-core directly rather than through
// @axe-core/puppeteer: that wrapper injects into every frame and finishes each run in a new blank
// page, which made it about 2.6 times slower per page here, and axe is most of a browser test's
// time. netmirror's pages have no frames; axeViolations refuses a page that has one.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type AxeRun = { passes: number; frames: number; violations: AxeViolation[] };

/**
 * Runs axe-core on the page as it is now (JavaScript must be enabled) and returns its WCAG A/AA
 * violations; an empty list is a pass.
 */
export async function axeViolations(page: Page, tags: readonly string[] = WCAG_TAGS): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const run = await page.evaluate(async (values): Promise<AxeRun> => {
    // biome-ignore lint/suspicious/noExplicitAny: axe-core's global, put there by AXE_SOURCE.
    const axe = (window as any).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"], iframes: false });
    return {
      passes: results.passes.length,
      frames: document.querySelectorAll("iframe, frame").length,
      violations: results.violations.map((v: { id: string; impact?: string | null; help: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      })),
    };
  }, tags);
  if (run.frames > 0) throw new Error(`axe does not look inside frames, and ${page.url()} has ${run.frames}`);
  // Zero violations only means something if the rules ran on the page at all.
  if (run.passes === 0) throw new Error(`axe checked nothing on ${page.url()}`);
  return run.violations;
}

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

/**
 * axe at laptop and phone width, and no sideways scrolling on a phone; leaves the page at laptop
 * width. Needs JavaScript enabled on the page (axe runs in it).
 */
export async function expectAccessibleAtLaptopAndPhone(page: Page, label: string): Promise<void> {
  for (const viewport of [LAPTOP, PHONE]) {
    await page.setViewport(viewport);
    expect(await axeViolations(page), `${label} at ${viewport.width}px`).toEqual([]);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
  await page.setViewport(LAPTOP);
}

/**
 * A new page showing `html` offline, as the PDF renderer sees it: every request but `data:` URLs is
 * refused. The caller closes the page.
 */
export async function openOffline(browser: Browser, html: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on("request", (r) => void (r.url().startsWith("data:") ? r.continue() : r.abort()).catch(() => {}));
  await page.setContent(html, { waitUntil: "load" });
  return page;
}

/**
 * Serves `fetch` over real HTTP on a free port of 127.0.0.1, for a browser to visit.
 * @example const server = await listen((req) => app.fetch(req)); await page.goto(`${server.url}/s/${token}`);
 */
export async function listen(fetch: (request: Request) => Response | Promise<Response>) {
  let started: (address: AddressInfo) => void = () => {};
  const ready = new Promise<AddressInfo>((resolve) => {
    started = resolve;
  });
  const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => started(info));
  const { port } = await ready;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Chromium keeps connections alive; without this, close waits for them to time out.
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}

/**
 * One Chromium and one HTTP server for a test file, the server answering with whichever app the
 * test last passed to `serve`. Call at the top of the file: it launches and closes them in
 * beforeAll / afterAll.
 * @example const shared = browserAndServer(); … const t = shared.serve(createTestApp({ env: { PUBLIC_URL: shared.url } }));
 */
export function browserAndServer() {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof listen>> | undefined;
  let current: TestApp | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await listen((request) => {
      if (!current) throw new Error("no app is served: call serve(app) first");
      return current.app.fetch(request);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the browser and server start in beforeAll");
    return value;
  };
  return {
    get browser(): Browser {
      return started(browser);
    },
    /** The server's origin, e.g. http://127.0.0.1:41234. */
    get url(): string {
      return started(server).url;
    },
    /** Serves `app` from now on; returns it. */
    serve<T extends TestApp>(app: T): T {
      current = app;
      return app;
    },
  };
}

/** Clicks and waits for the navigation the click starts. */
export const clickAndWait = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

/** The page's h1, whitespace collapsed. */
export const heading = (page: Page) => page.$eval("h1", (h) => h.textContent?.replace(/\s+/g, " ").trim());
