import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/lib/logger";
import { createPdfRenderer, type PdfRenderer } from "../../src/reports/renderer";
import { reportPdf } from "../../src/reports/service";
import { createTestApp } from "../support/app";
import { makeCast, makeNetwork, makeRound } from "../support/factories";
import { call } from "../support/http";
import { closedMaturityRound } from "../support/maturity";
import { demoReportRounds, refreshCookies } from "./fixtures";
import { countingRenderer, download, literal, pdfStructure, pdfText, realRenderer, sameBytes, written } from "./pdf-support";

// One real Chromium for the whole file.
let browser: PdfRenderer;
beforeAll(() => {
  browser = realRenderer();
});
afterAll(() => browser.close());

/** An app over the shared browser with a demo network: a previous round and this one. */
function demoApp() {
  const counter = countingRenderer(browser);
  const t = createTestApp({ renderer: counter.renderer, now: "2025-10-01T09:00:00Z" });
  const cast = makeCast(t);
  const rounds = demoReportRounds(t, cast.network.id);
  refreshCookies(t, cast);
  const pdfPath = (lang: string) => `/api/v1/rounds/${rounds.round.id}/report.pdf?lang=${lang}`;
  return { t, cast, counter, ...rounds, pdfPath };
}

describe("GET /api/v1/rounds/:id/report.pdf", () => {
  it("renders the figures of the results JSON, formatted for English and for Dutch", async () => {
    const { t, cast, round, pdfPath } = demoApp();
    for (const lang of ["en", "nl"] as const) {
      const res = await download(t, pdfPath(lang), cast.facilitator.cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      const slug = cast.network.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="mirror-report-${slug}-spring-2026-${lang}.pdf"`);
      expect(new TextDecoder().decode(res.bytes.slice(0, 5))).toBe("%PDF-");

      const results = (
        await call(t, "GET", `/api/v1/rounds/${round.id}/results?lang=${lang}`, undefined, { cookie: cast.facilitator.cookie })
      ).json;
      const text = await pdfText(res.bytes);
      expect(text).toContain(results.network.name);
      const of = lang === "en" ? "of" : "van";
      expect(text).toContain(`${results.n} ${of} ${results.invited}`);
      expect(text).toMatch(new RegExp(`${literal(written(results.overall.score, lang))} ${lang === "en" ? "out of 100" : "van de 100"}`));
      // The summary table: each theme's title followed by its score and respondents.
      for (const theme of results.themes) {
        expect(text).toMatch(new RegExp(`${literal(theme.title)} ${literal(written(theme.score, lang))} ${theme.n}`));
      }
      expect(text).toContain(written(results.responseRate, lang));
    }
    // Dutch and English differ exactly by the decimal sign.
    const results = (await call(t, "GET", `/api/v1/rounds/${round.id}/results`, undefined, { cookie: cast.facilitator.cookie })).json;
    expect(written(results.overall.score, "nl")).toBe(written(results.overall.score, "en").replace(".", ","));
  });

  it("is a tagged PDF: headings, tables, and every chart a Figure with its text alternative", async () => {
    const { t, cast, round, pdfPath } = demoApp();
    const res = await download(t, pdfPath("en"), cast.facilitator.cookie);
    const { roles, figures } = await pdfStructure(res.bytes);
    expect(roles).toMatchObject({ H1: 1, Table: expect.any(Number), TH: expect.any(Number) });
    const results = (await call(t, "GET", `/api/v1/rounds/${round.id}/results`, undefined, { cookie: cast.facilitator.cookie })).json;
    // The thermometer, the theme scores, a chart per theme and the trend across rounds.
    expect(figures).toHaveLength(1 + 1 + results.themes.length + 1);
    expect(figures[0]).toBe(`Thermometer showing a temperature of ${written(results.overall.score, "en")} out of 100.`);
    for (const theme of results.themes) expect(figures.some((alt) => alt.includes(`about ${theme.title}:`))).toBe(true);
    expect(figures.at(-1)).toMatch(/^Line chart of each theme's score/);
  });

  it("serves a second download from the cache, and renders again when comments or actions change", async () => {
    const { t, cast, counter, round, actions, pdfPath } = demoApp();
    const get = () => download(t, pdfPath("en"), cast.facilitator.cookie);
    const first = await get();
    expect(counter.renders).toBe(1);
    const second = await get();
    expect(second.status).toBe(200);
    expect(counter.renders).toBe(1);
    expect(sameBytes(second.bytes, first.bytes), "the cached PDF").toBe(true);

    const comments = (await call(t, "GET", `/api/v1/rounds/${round.id}/comments`, undefined, { cookie: cast.facilitator.cookie })).json
      .comments;
    const pending = comments.find((c: { status: string }) => c.status === "pending");
    expect((await call(t, "POST", `/api/v1/comments/${pending.id}/release`, undefined, { cookie: cast.facilitator.cookie })).status).toBe(
      200,
    );
    expect((await get()).status).toBe(200);
    expect(counter.renders).toBe(2);
    expect(await pdfText((await get()).bytes)).toContain(pending.text);
    expect(counter.renders).toBe(2);

    expect((await call(t, "POST", `/api/v1/comments/${pending.id}/hide`, undefined, { cookie: cast.facilitator.cookie })).status).toBe(200);
    await get();
    expect(counter.renders).toBe(3);

    t.clock.advance(60_000);
    const patched = await call(
      t,
      "PATCH",
      `/api/v1/actions/${actions[1]?.id}`,
      { status: "done", note: "Map agreed" },
      { cookie: cast.facilitator.cookie },
    );
    expect(patched.status).toBe(200);
    const afterAction = await get();
    expect(counter.renders).toBe(4);
    expect(await pdfText(afterAction.bytes)).toContain("Map agreed");
    await get();
    expect(counter.renders).toBe(4);
  });

  it("renders the Maturity section of a round with the matrix, in English and Dutch", async () => {
    const t = createTestApp({ renderer: browser, now: "2026-03-02T09:00:00Z" });
    const network = makeNetwork(t, { stage: "established" });
    // Five members: governance now all Developing, in a year all Maturing.
    const marks = Array.from({ length: 5 }, () => ({ governance: { current: 2 as const, target: 3 as const } }));
    const round = closedMaturityRound(t, network.id, marks, { round: { minResponses: 5 } });
    for (const lang of ["en", "nl"] as const) {
      const { pdf } = await reportPdf(t.deps, round, network, lang);
      const text = await pdfText(pdf);
      expect(text).toContain(lang === "en" ? "Maturity" : "Volwassenheid");
      expect(text).toContain(
        lang === "en"
          ? "Most members see governance and decision-making as Developing, and want it Maturing within a year."
          : "De meeste leden vinden besluitvorming en afspraken nu in ontwikkeling, en ze willen dat het over een jaar volwassen wordend is.",
      );
      expect(text).toContain(lang === "en" ? "too few answers (0)" : "te weinig antwoorden (0)");
    }
  });

  it("keys the cache on the report's content: a new action gives a new PDF, an unchanged report the cached one", async () => {
    const { t, cast, counter, round, pdfPath } = demoApp();
    const get = () => download(t, pdfPath("en"), cast.facilitator.cookie);
    const first = await get();
    expect(counter.renders).toBe(1);
    // A signed-in visit, a results read and time passing within the day change nothing the report shows.
    await call(t, "GET", `/api/v1/rounds/${round.id}/results`, undefined, { cookie: cast.facilitator.cookie });
    t.clock.advance(60 * 60_000);
    expect(sameBytes((await get()).bytes, first.bytes), "the cached PDF").toBe(true);
    expect(counter.renders).toBe(1);

    const added = await call(
      t,
      "POST",
      `/api/v1/networks/${cast.network.id}/actions`,
      { roundId: round.id, title: "Invite the patient council to the spring meeting" },
      { cookie: cast.facilitator.cookie },
    );
    expect(added.status).toBe(201);
    const withAction = await get();
    expect(counter.renders).toBe(2);
    expect(await pdfText(withAction.bytes)).toContain("Invite the patient council to the spring meeting");
    expect(sameBytes((await get()).bytes, withAction.bytes), "the cached PDF").toBe(true);
    expect(counter.renders).toBe(2);
  });

  it("refuses while the round is open (409), and by access: 401, commissioner 403, other facilitator 404", async () => {
    const { t, cast, round, pdfPath } = demoApp();
    const open = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now() });
    const res = await download(t, `/api/v1/rounds/${open.id}/report.pdf`, cast.facilitator.cookie);
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "not_ready", message: expect.stringContaining("closes"), requestId: expect.any(String) });
    expect((await download(t, pdfPath("en"))).status).toBe(401);
    const commissioner = await download(t, pdfPath("en"), cast.commissioner.cookie);
    expect(commissioner.status).toBe(403);
    expect(commissioner.json.error.code).toBe("forbidden");
    expect((await download(t, pdfPath("en"), cast.otherFacilitator.cookie)).status).toBe(404);
    expect((await download(t, `/api/v1/rounds/${round.id}/report.pdf?lang=fr`, cast.facilitator.cookie)).status).toBe(400);
  });

  it("answers 503 with the error shape, saying what to install, when there is no Chromium", async () => {
    const { logger } = memoryLogger();
    const t = createTestApp({ renderer: createPdfRenderer({ logger, executablePath: "/nonexistent" }) });
    const cast = makeCast(t);
    const { round } = demoReportRounds(t, cast.network.id);
    refreshCookies(t, cast);
    const res = await download(t, `/api/v1/rounds/${round.id}/report.pdf`, cast.facilitator.cookie);
    expect(res.status).toBe(503);
    expect(res.json.error).toMatchObject({ code: "unavailable", requestId: expect.any(String) });
    expect(res.json.error.message).toContain("apt-get install chromium-headless-shell");
  });
});
