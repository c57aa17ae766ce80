import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { axeViolations, browserAndServer } from "../support/browser";
import { portfolioFixture } from "./fixtures";

const shared = browserAndServer();

describe("portfolio and compare in a real browser", () => {
  it("draw their charts under the app's CSP without a console error, and pass axe", async () => {
    const t = shared.serve(createTestApp());
    const f = portfolioFixture(t);
    const page = await shared.browser.newPage();
    try {
      const problems: string[] = [];
      page.on("console", (message) => {
        // Chromium asks for /favicon.ico by itself; there is none, and that is not the page's fault.
        if (message.location().url?.endsWith("/favicon.ico")) return;
        if (message.type() === "error" || message.type() === "warn") problems.push(`${message.text()} ${message.location().url ?? ""}`);
      });
      page.on("pageerror", (error) => problems.push(String(error)));
      await page.setCookie({ name: "nm_session", value: f.commissioner.cookie, url: shared.url });

      await page.goto(`${shared.url}/portfolio`, { waitUntil: "load" });
      expect(await page.$$eval("svg.sparkline[role=img]", (svgs) => svgs.map((s) => s.getAttribute("aria-label")))).toHaveLength(3);
      expect(await axeViolations(page)).toEqual([]);

      // The way a person gets there: tick two networks in the form and submit it.
      await page.goto(`${shared.url}/compare`, { waitUntil: "load" });
      await page.click(`input[value="${f.networks.north.id}"]`);
      await page.click(`input[value="${f.networks.south.id}"]`);
      await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("form.panel button[type=submit]")]);
      expect(page.url()).toContain(`networkIds=${f.networks.north.id}`);
      const charts = await page.$$eval("figure.chart svg", (svgs) =>
        svgs.map((s) => ({ width: s.getBoundingClientRect().width, lines: s.querySelectorAll("path[stroke]").length })),
      );
      expect(charts).toHaveLength(6);
      for (const chart of charts) expect(chart.width).toBeGreaterThan(200);
      expect(await page.$$eval("table.compare-table tbody tr", (rows) => rows.length)).toBe(5);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
