import puppeteer, { type Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, findChromium } from "../../src/reports/chromium";
import { reportHtml } from "../../src/reports/service";
import { createTestApp } from "../support/app";
import { axeViolations, openOffline } from "../support/browser";
import { makeCast } from "../support/factories";
import { demoReportRounds } from "./fixtures";

// axe needs a page it can script, so this file drives Chromium itself (one browser for the file);
// every request but data: is still refused.
let browser: Browser;
beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs() });
});
afterAll(() => browser.close());

describe("the mirror report's accessibility", () => {
  // One test per language: each is a whole report through axe, slow on a busy machine.
  for (const lang of ["en", "nl"] as const) {
    it(`has no WCAG 2 A/AA violations (contrast included) in the preview (${lang})`, async () => {
      const t = createTestApp({ now: "2025-10-01T09:00:00Z" });
      const cast = makeCast(t);
      const { round } = demoReportRounds(t, cast.network.id);
      const links = { backUrl: "/", pdfUrl: "/report.pdf", otherLanguageUrl: "/other", otherLanguage: lang === "en" ? "nl" : "en" };
      const html = await reportHtml(t.deps, round, cast.network, lang, links);
      const page = await openOffline(browser, html);
      try {
        const violations = await axeViolations(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
        expect(violations.map((v) => `${lang} ${v.id}: ${v.targets.join(", ")}`)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe("the accessibility check itself", () => {
  // Every page test trusts an empty list from axeViolations; this one proves the list can be full.
  it("reports an unlabelled field, an image without a text and grey-on-white text", async () => {
    const html = `<!doctype html><html lang="en"><head><title>Broken</title></head><body><main><h1>Broken</h1>
      <input type="text"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbb">Too faint</p></main></body></html>`;
    const page = await openOffline(browser, html);
    try {
      const ids = (await axeViolations(page)).map((v) => v.id).sort();
      expect(ids).toEqual(["color-contrast", "image-alt", "label"]);
    } finally {
      await page.close();
    }
  });
});
