import { describe, expect, it } from "vitest";
import { REPORT_CSP } from "../../src/reports/html";
import { PREVIEW_CSP } from "../../src/reports/pages";
import { createTestApp } from "../support/app";
import { makeCast, makeRound } from "../support/factories";
import { call, getPage } from "../support/http";
import { demoReportRounds, refreshCookies } from "./fixtures";

function demoApp() {
  const t = createTestApp({ now: "2025-10-01T09:00:00Z" });
  const cast = makeCast(t);
  const rounds = demoReportRounds(t, cast.network.id);
  refreshCookies(t, cast);
  return { t, cast, ...rounds };
}

describe("GET /rounds/:id/report (the HTML preview)", () => {
  it("serves the standalone report with its own CSP, a Download PDF and a Back link", async () => {
    const { t, cast, round } = demoApp();
    const res = await getPage(t, `/rounds/${round.id}/report?lang=nl`, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe(PREVIEW_CSP);
    expect(PREVIEW_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'none'");
    // Handlebars writes "=" in attributes as "&#x3D;", which browsers read as "=".
    const html = res.text.replaceAll("&#x3D;", "=");
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain(`href="/api/v1/rounds/${round.id}/report.pdf?lang=nl">PDF downloaden</a>`);
    expect(html).toContain(`href="/networks/${cast.network.id}">Terug</a>`);
    expect(html).toContain(`href="/rounds/${round.id}/report?lang=en"`);
    // The document carries the PDF's policy itself, so it holds wherever the HTML goes.
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    // Standalone: nothing is loaded from anywhere, no script at all.
    expect(res.text).not.toMatch(/<script|<link|src=|url\(|@import/i);
    expect(res.text).not.toMatch(/(href|src)="(https?:)?\/\/(?!www\.w3\.org)/);
  });

  it("documents the PDF route in the OpenAPI document", async () => {
    const { t } = demoApp();
    const doc = (await call(t, "GET", "/api/v1/openapi.json")).json;
    const route = doc.paths["/rounds/{id}/report.pdf"]?.get;
    expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(["200", "403", "409", "503"]));
    expect(Object.keys(route.responses["200"].content)).toEqual(["application/pdf"]);
  });

  it("keeps the app's own CSP on other pages", async () => {
    const { t, cast } = demoApp();
    const res = await getPage(t, `/networks/${cast.network.id}`, { cookie: cast.facilitator.cookie });
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("refuses an open round (409), a commissioner (403), another network's facilitator (404), a bad language (400)", async () => {
    const { t, cast, round } = demoApp();
    const open = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now() });
    expect((await getPage(t, `/rounds/${open.id}/report`, { cookie: cast.facilitator.cookie })).status).toBe(409);
    expect((await getPage(t, `/rounds/${round.id}/report`, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await getPage(t, `/rounds/${round.id}/report`, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await getPage(t, `/rounds/${round.id}/report?lang=fr`, { cookie: cast.facilitator.cookie })).status).toBe(400);
  });

  it("sends a visitor who is not signed in to the login page", async () => {
    const { t, round } = demoApp();
    const res = await getPage(t, `/rounds/${round.id}/report`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/login?next=${encodeURIComponent(`/rounds/${round.id}/report`)}`);
  });
});
