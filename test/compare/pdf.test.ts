import { extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/lib/logger";
import { createPdfRenderer, type PdfRenderer } from "../../src/reports/renderer";
import { createTestApp } from "../support/app";
import { call, getPage } from "../support/http";
import { portfolioFixture } from "./fixtures";

let renderer: PdfRenderer;
beforeAll(() => {
  renderer = createPdfRenderer({ logger: memoryLogger().logger, executablePath: process.env.PUPPETEER_EXECUTABLE_PATH });
});
afterAll(() => renderer.close());

async function pdfOf(t: ReturnType<typeof createTestApp>, path: string, cookie: string) {
  const res = await t.app.request(`http://localhost${path}`, { headers: { Cookie: `nm_session=${cookie}`, Accept: "text/html" } });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("GET /compare.pdf", () => {
  it("is a portfolio report rendered by the real Chromium: names, temperatures, charts", async () => {
    expect(renderer.available).toBe(true);
    const t = createTestApp({ renderer });
    const f = portfolioFixture(t);
    const { north, south, east } = f.networks;
    const { res, bytes } = await pdfOf(t, `/compare.pdf?networkIds=${north.id},${south.id},${east.id}`, f.commissioner.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="comparison-2026-04-02.pdf"');
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    // unpdf takes the buffer over: each reading gets its own copy.
    const pages = (await extractText(bytes.slice(), { mergePages: false })).text;
    const { text, totalPages } = await extractText(bytes.slice(), { mergePages: true });
    expect(totalPages).toBeGreaterThanOrEqual(3);
    for (const name of [north.name, south.name, east.name]) expect(text).toContain(name);
    expect(text).toContain("Portfolio report: 3 networks compared");
    // Temperatures as the API gives them, and the suppressed round named, not scored.
    for (const temperature of ["61.8", "74.3", "77.9", "42.6", "62.0"]) expect(text).toContain(temperature);
    expect(text).toContain("not enough responses");
    expect(text).toContain("Purpose");
    // The table starts on page 1, under the title: every network's latest round is there.
    expect(pages[0]).toContain("Portfolio report: 3 networks compared");
    expect(pages[0]).toContain("Figures");
    for (const cell of ["Spring 2025", "Autumn 2025", "77.9", "Response rate"]) expect(pages[0]).toContain(cell);
  });

  it("is a standalone document that cannot reach out", async () => {
    const t = createTestApp({ renderer });
    const f = portfolioFixture(t);
    const { portfolioReportHtml } = await import("../../src/compare/report");
    const res = await call(t, "GET", `/api/v1/compare?networkIds=${f.networks.north.id}`, undefined, { cookie: f.commissioner.cookie });
    const { html } = await portfolioReportHtml(t.deps, res.json, t.clock.now());
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
    );
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/(href|src)="(https?:)?\/\//);
    expect(html).not.toContain("<link");
  });

  it("answers 503 with the error page when there is no browser", async () => {
    const t = createTestApp({ renderer: createPdfRenderer({ logger: memoryLogger().logger, executablePath: "/nonexistent/chromium" }) });
    const f = portfolioFixture(t);
    const page = await getPage(t, `/compare.pdf?networkIds=${f.networks.north.id}`, { cookie: f.commissioner.cookie });
    expect(page.status).toBe(503);
    expect(page.text).toContain("apt-get install chromium-headless-shell");
    const json = await call(t, "GET", `/compare.pdf?networkIds=${f.networks.north.id}`, undefined, { cookie: f.commissioner.cookie });
    expect(json.status).toBe(503);
    expect(json.json.error.code).toBe("unavailable");
  });
});
