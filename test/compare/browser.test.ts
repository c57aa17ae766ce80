import { describe, expect, it } from "vitest";
import { portfolioReportHtml } from "../../src/compare/report";
import { createTestApp } from "../support/app";
import { axeViolations, browserAndServer } from "../support/browser";
import { call } from "../support/http";
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
      // The heatmap's three networks, and one over-time chart per figure.
      expect(await page.$$eval("table.heatmap tbody tr", (rows) => rows.length)).toBe(3);
      expect(await page.$$eval(".over-time svg[role=img]", (svgs) => svgs.length)).toBe(6);
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

  it("keep every table inside the page column at 1280 px, with respondents beside the scores and readable axis labels", async () => {
    const t = shared.serve(createTestApp());
    const f = portfolioFixture(t);
    const page = await shared.browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 900 });
      await page.setCookie({ name: "nm_session", value: f.commissioner.cookie, url: shared.url });
      const { north, south, east } = f.networks;
      for (const path of ["/portfolio", `/compare?networkIds=${north.id},${south.id},${east.id}`, `/networks/${north.id}/history`]) {
        await page.goto(`${shared.url}${path}`, { waitUntil: "load" });
        const fit = await page.evaluate(() => {
          const main = document.querySelector("main")?.getBoundingClientRect();
          return {
            page: document.documentElement.scrollWidth,
            tables: [...document.querySelectorAll("table")].map((table) => {
              const box = table.getBoundingClientRect();
              const scroller = table.closest(".table-scroll") as HTMLElement | null;
              return {
                scrolls: scroller ? scroller.scrollWidth > scroller.clientWidth : false,
                inside: main ? box.left >= main.left - 0.5 && box.right <= main.right + 0.5 : false,
              };
            }),
          };
        });
        expect(fit.page, path).toBeLessThanOrEqual(1280);
        expect(fit.tables.length, path).toBeGreaterThan(0);
        for (const table of fit.tables) expect(table, path).toEqual({ scrolls: false, inside: true });
      }

      await page.goto(`${shared.url}/portfolio`, { waitUntil: "load" });
      const headers = await page.$$eval("table.heatmap thead th", (ths) => ths.map((th) => th.textContent?.trim()));
      expect(headers.slice(0, 6)).toEqual(["Network", "Latest round", "Respondents", "Response rate", "Confidence", "Temperature"]);
      // North's latest round: 7 of 10 invited.
      const latest = await page.$$eval("table.heatmap tbody tr", (rows) =>
        rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent?.trim())).find((cells) => cells[0] === "1 March 2026"),
      );
      expect(latest?.slice(1, 3)).toEqual(["7", "70.0%"]);

      await page.goto(`${shared.url}/compare?networkIds=${north.id}`, { waitUntil: "load" });
      // Axis labels as drawn on screen: at least 11 px tall, like the page's small print.
      const heights = await page.$$eval("figure.chart svg text", (texts) => texts.map((x) => x.getBoundingClientRect().height));
      expect(heights.length).toBeGreaterThan(10);
      for (const h of heights) expect(h).toBeGreaterThanOrEqual(11);
    } finally {
      await page.close();
    }
  });

  it("lays out the portfolio PDF's table so that network names keep to at most two lines", async () => {
    const t = shared.serve(createTestApp());
    const f = portfolioFixture(t);
    const { north, south, east } = f.networks;
    const res = await call(t, "GET", `/api/v1/compare?networkIds=${north.id},${south.id},${east.id}`, undefined, {
      cookie: f.commissioner.cookie,
    });
    const { html } = await portfolioReportHtml(t.deps, res.json, t.clock.now());
    const page = await shared.browser.newPage();
    try {
      await page.emulateMediaType("print");
      // The printed width of A4 landscape inside the report's 14 mm margins: 269 mm at 96 dpi.
      await page.setViewport({ width: Math.round((269 / 25.4) * 96), height: 800 });
      await page.setContent(html, { waitUntil: "load" });
      const lines = await page.$$eval("table tbody th[scope=row]", (ths) =>
        ths.map((th) => {
          const style = getComputedStyle(th);
          const content = th.getBoundingClientRect().height - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom);
          return Math.round(content / Number.parseFloat(style.lineHeight));
        }),
      );
      expect(lines.length).toBe(6);
      for (const n of lines) expect(n).toBeLessThanOrEqual(2);
    } finally {
      await page.close();
    }
  });
});
