import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportHtml } from "../../src/reports/service";
import { createTestApp } from "../support/app";
import { axeViolations, expectAccessibleAtLaptopAndPhone, launchBrowser, listen, openOffline } from "../support/browser";
import { makeClosedMapRound, syntheticNetwork } from "../support/connections";
import { makeCast, makeNetwork } from "../support/factories";
import { closedMaturityRound } from "../support/maturity";
import { demoReportRounds } from "./fixtures";

// axe needs a page it can script, so this file drives Chromium itself (one browser for the file);
// every request but data: is still refused.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
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

  it("has no WCAG 2 A/AA violations in the Maturity section and the guide's maturity topics (en, nl)", async () => {
    const t = createTestApp({ now: "2026-03-02T09:00:00Z" });
    const network = makeNetwork(t, { stage: "forming" });
    // Every level and a hidden side: relationships divided, governance with a gap, learning hidden now.
    const levels = [1, 2, 2, 3, 4, 4] as const;
    const marks = levels.map((level, i) => ({
      relationships: { current: level, target: 4 as const },
      governance: { current: 2 as const, target: 3 as const },
      learning: { current: i < 2 ? level : null, target: level },
    }));
    const round = closedMaturityRound(t, network.id, marks, { round: { minResponses: 5 } });
    for (const lang of ["en", "nl"] as const) {
      const links = { backUrl: "/", pdfUrl: "/report.pdf", otherLanguageUrl: "/other", otherLanguage: lang === "en" ? "nl" : "en" };
      const page = await openOffline(browser, await reportHtml(t.deps, round, network, lang, links));
      try {
        expect(await page.$("#maturity-grid")).not.toBeNull();
        // The whole report: its Maturity section and the guide's maturity topics among the rest.
        const violations = await axeViolations(page);
        expect(violations.map((v) => `${lang} ${v.id}: ${v.targets.join(", ")}`)).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });
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

describe("the network map's accessibility", () => {
  // 41 organisations: the map draws strong ties only and the report adds the adjacency matrix.
  const mapRound = () => {
    const t = createTestApp({ now: new Date().toISOString() });
    const cast = makeCast(t);
    const round = makeClosedMapRound(t, cast.network.id, { ...syntheticNetwork(41, 1), responses: 41 }, { minResponses: 5 });
    return { t, cast, round };
  };

  it("has no WCAG 2 A/AA violations in the report's Connections section and matrix (en and nl)", async () => {
    const { t, cast, round } = mapRound();
    for (const lang of ["en", "nl"] as const) {
      const page = await openOffline(browser, await reportHtml(t.deps, round, cast.network, lang));
      try {
        expect(await page.$$eval("section.connections", (sections) => sections.length)).toBe(2);
        expect(await axeViolations(page), lang).toEqual([]);
      } finally {
        await page.close();
      }
    }
  }, 240_000);

  it("has no WCAG 2 A/AA violations on the facilitator's map page and the members' mirror, at laptop and phone width", async () => {
    const { t, cast, round } = mapRound();
    t.db.$client.prepare("update rounds set mirror_slug = ? where id = ?").run("mirror-of-the-map-round", round.id);
    const server = await listen((request) => t.app.fetch(request));
    const page = await browser.newPage();
    try {
      await page.setCookie({ name: "nm_session", value: cast.facilitator.cookie, url: server.url });
      await page.goto(`${server.url}/rounds/${round.id}/network-map`);
      expect(await page.$eval("h1", (h) => h.textContent)).toContain("Connections");
      await expectAccessibleAtLaptopAndPhone(page, "facilitator's map page");
      await page.goto(`${server.url}/m/mirror-of-the-map-round?lang=nl`);
      expect(await page.$eval("#connections-title", (h) => h.textContent)).toBe("Verbindingen");
      await expectAccessibleAtLaptopAndPhone(page, "members' mirror with the map");
    } finally {
      await page.close();
      await server.close();
    }
  }, 240_000);
});
