import { describe, expect, it } from "vitest";
import type { Stage } from "../../src/db/schema";
import { getInstrument, localize } from "../../src/instrument";
import { createChartViews } from "../../src/lib/charts";
import { formatterFor } from "../../src/lib/format";
import { trendChart } from "../../src/reports/charts/trend";
import { renderReportHtml } from "../../src/reports/html";
import { type ReportModel, reportModel } from "../../src/reports/report-model";
import { STAGE_ORDER } from "../../src/reports/sections/guide";
import { createTestApp } from "../support/app";
import { makeNetwork } from "../support/factories";
import type { StoredResponse } from "../support/responses";
import { closedRoundWith } from "./fixtures";

const NOW = new Date("2026-03-02T09:00:00Z");

/**
 * Six respondents, hand-made so that every figure is known: purpose all 2 (score 25), relationships
 * all 4 (75), communication 4 except communication.1 split 1/5 (respondents 60 and 80 → 70),
 * governance all 5 (100), value all 1 (0). Weakest: value, purpose; strongest: governance,
 * relationships; the only divided statement: communication.1.
 */
function shapedResponses(): StoredResponse[] {
  const levels: Record<string, 1 | 2 | 3 | 4 | 5> = { purpose: 2, relationships: 4, communication: 4, governance: 5, value: 1 };
  return Array.from({ length: 6 }, (_, r) => {
    const answers: StoredResponse["answers"] = {};
    for (const [theme, level] of Object.entries(levels)) for (let i = 1; i <= 5; i++) answers[`${theme}.${i}`] = level;
    answers["communication.1"] = r % 2 === 0 ? 1 : 5;
    return { answers, overall: 6 };
  });
}

/** The model of a round with results (not suppressed). */
function shown(model: ReportModel) {
  if (model.suppressed !== null) throw new Error("expected a report with results");
  return model;
}

function shapedReport(stage: Stage, lang: "en" | "nl" = "en", comments: { theme: string; text: string }[] = []) {
  const t = createTestApp({ now: NOW.toISOString() });
  const network = makeNetwork(t, { stage });
  const round = closedRoundWith(t, network.id, shapedResponses(), { comments });
  return { t, network, round, model: reportModel(t.deps, round, network, lang, NOW).then(shown) };
}

describe("report formatting", () => {
  it("formats figures for the language: a decimal comma in Dutch, fixed decimals everywhere", () => {
    const en = formatterFor("en");
    const nl = formatterFor("nl");
    expect([en.score(62.5), nl.score(62.5), en.score(62), nl.score(62)]).toEqual(["62.5", "62,5", "62.0", "62,0"]);
    expect([en.percent(83.3), nl.percent(83.3)]).toEqual(["83.3%", "83,3%"]);
    expect([en.delta(2.5), en.delta(-1.5), en.delta(0), nl.delta(-1.5)]).toEqual(["+2.5", "-1.5", "0.0", "-1,5"]);
    expect([en.twoDecimals(3.667), nl.twoDecimals(1.2), nl.p(0.052)]).toEqual(["3.67", "1,20", "0,052"]);
    expect([en.count(10000), nl.count(10000)]).toEqual(["10,000", "10.000"]);
    expect([en.score(null), nl.percent(undefined)]).toEqual(["–", "–"]);
  });

  it("formats dates per language", () => {
    expect(formatterFor("en").date("2026-03-02T09:00:00Z")).toBe("2 March 2026");
    expect(formatterFor("nl").date(new Date("2026-03-02T09:00:00Z"))).toBe("2 maart 2026");
  });
});

describe("report model", () => {
  it("takes every score from the results and formats it", async () => {
    const model = await shapedReport("forming", "nl").model;
    expect(model.summary.temperature.value).toBe("54,0"); // (25 + 75 + 70 + 100 + 0) / 5 for everyone
    expect(model.summary.themes.map((t) => [t.title, t.score])).toEqual([
      ["Doel", "25,0"],
      ["Relaties", "75,0"],
      ["Communicatie", "70,0"],
      ["Sturing en besluitvorming", "100,0"],
      ["Meerwaarde", "0,0"],
    ]);
    expect(model.cover.facts.find((f) => f.label === "Reacties")?.value).toBe("6");
  });

  it("names the two strongest and two weakest themes and the divided statements", async () => {
    const model = await shapedReport("forming").model;
    expect(model.summary.strongest).toEqual([
      { title: "Governance", score: "100.0" },
      { title: "Relationships", score: "75.0" },
    ]);
    expect(model.summary.weakest).toEqual([
      { title: "Value", score: "0.0" },
      { title: "Purpose", score: "25.0" },
    ]);
    // communication.1: three 1s and three 5s → sd 2.19; no other statement is divided at all.
    const text = localize(getInstrument("core", 1) ?? (undefined as never), "en").themes[2]?.items[0]?.text;
    expect(model.summary.divided).toEqual([{ text, theme: "Communication", sd: "2.19" }]);
  });

  it("orders the conversation guide by the network's stage", async () => {
    const topics = async (stage: Stage) => (await shapedReport(stage).model).guide.topics.map((t) => t.code);
    expect(await topics("forming")).toEqual(["purpose", "communication", "value"]);
    expect(await topics("established")).toEqual(["communication", "value", "purpose"]);
    expect(await topics("renewing")).toEqual(["purpose", "value", "communication"]);
    expect(STAGE_ORDER.forming.slice(0, 2)).toEqual(["purpose", "relationships"]);
    const model = await shapedReport("forming", "nl").model;
    const purpose = model.guide.topics[0];
    const instrument = localize(getInstrument("core", 1) ?? (undefined as never), "nl");
    expect(purpose?.questions).toEqual(instrument.themes[0]?.conversation);
    expect(purpose?.reasons).toEqual(["Een van de twee zwakste thema's (25,0)."]);
  });

  it("words a change that is not notable as not clearly beyond chance, in both languages", async () => {
    const t = createTestApp({ now: NOW.toISOString() });
    const network = makeNetwork(t);
    closedRoundWith(t, network.id, shapedResponses(), { closedAt: new Date("2025-09-01T00:00:00Z") });
    const round = closedRoundWith(t, network.id, shapedResponses(), { closedAt: NOW });
    const en = shown(await reportModel(t.deps, round, network, "en", NOW));
    const nl = shown(await reportModel(t.deps, round, network, "nl", NOW));
    // Identical rounds: every delta is 0 and nothing is notable.
    expect(en.summary.themes[1]?.change).toMatchObject({
      delta: "0.0",
      notable: false,
      note: expect.stringContaining("not clearly beyond chance"),
    });
    expect(nl.summary.temperature.change.note).toContain("niet duidelijk meer dan toeval");
  });

  it("shows nothing derived from answers, and no comments, for a suppressed round", async () => {
    const t = createTestApp({ now: NOW.toISOString() });
    const network = makeNetwork(t);
    const round = closedRoundWith(t, network.id, shapedResponses().slice(0, 3), {
      round: { minResponses: 5 },
      comments: [{ theme: "purpose", text: "A released comment that must stay out" }],
    });
    const model = await reportModel(t.deps, round, network, "en", NOW);
    expect(model.suppressed?.notice).toBe("Not enough responses to show results (3 of 5).");
    for (const key of ["summary", "glance", "themes", "trend", "heatmap", "guide"]) expect(model).not.toHaveProperty(key);
    const html = renderReportHtml(t.deps.views, model);
    expect(html).not.toContain("A released comment");
    expect(html).not.toMatch(/comments were not shown/);
    expect(html).toContain("How to read this report");
  });

  it('shows a statement with too few valid answers as "too few answers", without figures', async () => {
    const t = createTestApp({ now: NOW.toISOString() });
    const network = makeNetwork(t);
    // purpose.5: three of six answer "don't know", so 3 valid answers < 5.
    const responses = shapedResponses().map(
      (r, i): StoredResponse => (i < 3 ? { ...r, answers: { ...r.answers, "purpose.5": "dont_know" } } : r),
    );
    const round = closedRoundWith(t, network.id, responses, { round: { minResponses: 5 } });
    const model = shown(await reportModel(t.deps, round, network, "en", NOW));
    expect(model.themes[0]?.items[4]).toMatchObject({
      shown: false,
      tooFew: "too few answers",
      n: "3",
      dontKnow: "3",
      agree: "",
      disagree: "",
      mean: "",
    });
    expect(model.themes[0]?.items[3]).toMatchObject({ shown: true, tooFew: null, agree: "0%", disagree: "100%" });
    const html = renderReportHtml(t.deps.views, model);
    expect(html).toContain('<td colspan="4" class="num toofew">too few answers</td>');
  });

  it("keeps hostile comment text as text", async () => {
    const hostile = `<script>alert(1)</script><img src=x onerror="alert(2)">`;
    const { t, model } = shapedReport("forming", "en", [{ theme: "value", text: hostile }]);
    const html = renderReportHtml(t.deps.views, await model);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
  });

  it("keeps a hostile label escaped inside a Vega chart, and a hostile network name out of the markup", async () => {
    const name = `<script>alert("x")</script>`;
    const chart = await trendChart(
      createChartViews(),
      [
        { round: name, series: "Temperature", score: 50 },
        { round: "Later", series: "Temperature", score: 60 },
      ],
      ["Temperature"],
      "Temperature",
      "alt",
    );
    expect(chart.svg.toString()).toContain("&lt;script&gt;");
    expect(chart.svg.toString()).not.toContain("<script");
    const t = createTestApp({ now: NOW.toISOString() });
    const network = makeNetwork(t, { name });
    const first = closedRoundWith(t, network.id, shapedResponses(), { round: { title: name }, closedAt: new Date("2025-09-01T00:00:00Z") });
    const round = closedRoundWith(t, network.id, shapedResponses(), { closedAt: NOW });
    expect(first.title).toBe(name);
    const html = renderReportHtml(t.deps.views, await reportModel(t.deps, round, network, "en", NOW));
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
  });
});
