import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../../support/app";
import { createTestApp } from "../../support/app";
import { browserAndServer, expectAccessibleAtLaptopAndPhone } from "../../support/browser";
import { makeGrant, makeNetwork, makeUser, sessionFor } from "../../support/factories";
import { columnsFixture } from "../app/columns-fixture";
import { heatmapFixture, roundOf } from "../app/fixture";

const shared = browserAndServer();

/**
 * A national-looking portfolio of 70 networks: 20 needing attention (25.0), 50 strong (75.0), of
 * which 5 fell notably from 100 and 5 rose notably from 50.
 */
function seventyNetworks(t: TestApp) {
  const user = makeUser(t, { role: "commissioner" });
  for (let i = 0; i < 70; i++) {
    const network = makeNetwork(t, { name: `Network ${String(i + 1).padStart(2, "0")}` });
    makeGrant(t, network.id, user.id, "commissioner");
    if (i >= 20 && i < 25) roundOf(t, network.id, "2025-10-01T12:00:00Z", [5, 5, 5, 5, 4]);
    if (i >= 25 && i < 30) roundOf(t, network.id, "2025-10-01T12:00:00Z", [3, 3, 3, 3, 2]);
    roundOf(t, network.id, "2026-02-01T12:00:00Z", i < 20 ? [2, 2, 2, 2, 2] : [4, 4, 4, 4, 4, 4, 3, 5]);
  }
  t.clock.set("2026-04-01T09:00:00Z");
  return sessionFor(t, user.id);
}

async function pdfOf(t: TestApp, path: string, cookie: string) {
  const res = await t.app.request(`http://localhost${path}`, { headers: { Cookie: `nm_session=${cookie}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  const bytes = new Uint8Array(await res.arrayBuffer());
  return extractText(bytes, { mergePages: true });
}

describe("the portfolio in a real browser", () => {
  it("is accessible at laptop and phone width, in English and Dutch, and sorts and filters by links and a form", async () => {
    const t = shared.serve(createTestApp());
    const f = heatmapFixture(t);
    const context = await shared.browser.createBrowserContext();
    const page = await context.newPage();
    try {
      await page.setCookie({ name: "nm_session", value: f.commissioner.cookie, url: shared.url });
      for (const path of ["/portfolio", "/portfolio?lang=nl", "/portfolio?sort=overall&stage=established"]) {
        await page.goto(`${shared.url}${path}`, { waitUntil: "load" });
        await expectAccessibleAtLaptopAndPhone(page, path);
      }
      // The heatmap fits the page column at 1280 px.
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${shared.url}/portfolio`, { waitUntil: "load" });
      const fits = await page.$eval("table.heatmap", (table) => {
        const scroller = table.closest(".table-scroll") as HTMLElement;
        return scroller.scrollWidth <= scroller.clientWidth;
      });
      expect(fits).toBe(true);
      expect(await page.$$eval(".over-time svg[role=img]", (svgs) => svgs.length)).toBe(6);
      // Sorting by a column header link, then filtering with the form, without JavaScript.
      await Promise.all([page.waitForNavigation(), page.click("table.heatmap thead a[href*='sort=overall']")]);
      expect(page.url()).toContain("sort=overall");
      await page.select("#stage", "forming");
      await Promise.all([page.waitForNavigation(), page.click("form.filter-form button[type=submit]")]);
      expect(await page.$$eval("table.heatmap tbody th", (ths) => ths.map((th) => th.querySelector("a")?.textContent))).toEqual([
        "Birch Partnership",
      ]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("makes a board summary of 2–3 A4 pages in English and Dutch: at most 60 networks, those needing a look first, counts for all", async () => {
    const t = createTestApp();
    const cookie = seventyNetworks(t);
    try {
      const english = await pdfOf(t, "/portfolio.pdf", cookie);
      expect(english.totalPages).toBeGreaterThanOrEqual(2);
      expect(english.totalPages).toBeLessThanOrEqual(3);
      const text = english.text;
      expect(text).toContain("Board summary");
      expect(text).toContain("The 60 of 70 networks most in need of a look");
      // Needing attention first (Network 01–20 at 25.0), then the notable falls (21–25), then the rest by name.
      const listed = [...text.matchAll(/Network (\d\d)/g)].map((m) => Number(m[1]));
      expect(listed.slice(0, 25)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(new Set(listed.filter((n) => n > 60 && n <= 70)).size).toBeLessThanOrEqual(5); // only movers may name them
      // Counts per band for all 70: temperature 20 needing attention, 50 strong.
      expect(text).toMatch(/Temperature 20 0 50 0/);
      expect(text).toContain("Largest rises");
      expect(text).toContain("Largest falls");
      expect(text).toContain("0–49.9 needs attention, 50–69.9 mixed, 70–100 strong");
      expect(text).toContain("never shown to commissioners");
      // Rounds may set their own threshold (from 3): the note does not promise 5.
      expect(text.replace(/\s+/g, " ")).toContain("5 unless its facilitator chose another, never fewer than 3");
      const dutch = await pdfOf(t, "/portfolio.pdf?lang=nl", cookie);
      expect(dutch.totalPages).toBeLessThanOrEqual(3);
      expect(dutch.text).toContain("Samenvatting voor het bestuur");
      expect(dutch.text).toContain("Zo lees je dit");
      expect(dutch.text).toContain("25,0");
    } finally {
      await t.deps.renderer.close();
    }
  }, 120_000);

  it("puts the network map's and maturity columns in the board summary when a listed round asked them", async () => {
    const t = createTestApp();
    const cookie = columnsFixture(t);
    const english = await pdfOf(t, "/portfolio.pdf", cookie);
    expect(english.totalPages).toBeLessThanOrEqual(3);
    const text = english.text.replace(/\s+/g, " ");
    expect(text).toContain("Partnerships active");
    expect(text).toContain("4 in 10 68.1 69.4 not asked");
    expect(text).toContain("2 Developing");
    // The methods note says how to read them.
    expect(text).toContain("Maturity now: the middle level (1 Emerging to 4 Thriving)");
    const dutch = (await pdfOf(t, "/portfolio.pdf?lang=nl", cookie)).text.replace(/\s+/g, " ");
    expect(dutch).toContain("4 op de 10 68,1 69,4 niet gevraagd");
  }, 120_000);

  it("stays accessible with the network map's and maturity columns, in English and Dutch", async () => {
    const t = shared.serve(createTestApp());
    const cookie = columnsFixture(t);
    const context = await shared.browser.createBrowserContext();
    const page = await context.newPage();
    try {
      await page.setCookie({ name: "nm_session", value: cookie, url: shared.url });
      for (const path of ["/portfolio", "/portfolio?lang=nl&sort=mapTrust"]) {
        await page.goto(`${shared.url}${path}`, { waitUntil: "load" });
        await expectAccessibleAtLaptopAndPhone(page, path);
      }
      expect(await page.$$eval("table.heatmap thead th.added", (ths) => ths.map((th) => th.textContent?.trim()))).toEqual([
        "Actieve samenwerkingen",
        "Vertrouwen tussen organisaties",
        "Waarde van samenwerken",
        "Volwassenheid nu",
      ]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
