import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/i18n/report";
import { formatterFor } from "../../src/lib/format";
import { renderReportHtml } from "../../src/reports/html";
import { reportModel } from "../../src/reports/report-model";
import { describeP } from "../../src/reports/sections/change";
import { createTestApp } from "../support/app";
import { makeNetwork } from "../support/factories";
import { closedRoundWith } from "./fixtures";
import { handMadeReport, NOW, sameAnswers, shown } from "./hand-made";

const LEVELS = { purpose: 3, relationships: 3, communication: 3, governance: 3, value: 3 } as const;

/** A network whose purpose rose from 1s and 2s to 4s and 5s and whose value fell the other way. */
function changedNetwork() {
  const t = createTestApp({ now: NOW.toISOString() });
  const network = makeNetwork(t);
  const split = (low: 1 | 2 | 4, r: number) => (r % 2 === 0 ? low : ((low + 1) as 2 | 3 | 5));
  const before = sameAnswers(20, LEVELS, (r, code) =>
    code.startsWith("purpose") ? split(1, r) : code.startsWith("value") ? split(4, r) : undefined,
  );
  const after = sameAnswers(20, LEVELS, (r, code) =>
    code.startsWith("purpose") ? split(4, r) : code.startsWith("value") ? split(1, r) : undefined,
  );
  closedRoundWith(t, network.id, before, { closedAt: new Date("2025-09-01T00:00:00Z") });
  const round = closedRoundWith(t, network.id, after, { closedAt: NOW });
  return { t, model: async (lang: "en" | "nl") => shown(await reportModel(t.deps, round, network, lang, NOW)) };
}

describe("the report's numbers", () => {
  it('writes a p value below 0.001 as "p < 0.001", never "p = 0.000"', async () => {
    const { t, model } = changedNetwork();
    const en = await model("en");
    const purpose = en.summary.themes[0]?.change;
    expect(purpose).toMatchObject({ delta: "+75.0", notable: true, note: "unlikely to be chance (p < 0.001)" });
    const nl = await model("nl");
    expect(nl.summary.themes[0]?.change.note).toBe("waarschijnlijk geen toeval (p < 0,001)");
    const html = renderReportHtml(t.deps.views, en);
    expect(html).not.toContain("p = 0.000");
    const m = messagesFor("en");
    const f = formatterFor("en");
    expect([describeP(0, m, f), describeP(0.001, m, f), describeP(0.012, m, f)]).toEqual(["p < 0.001", "p = 0.001", "p = 0.012"]);
  });

  it("marks better and worse with ▲ ▼ and a colour each, never the amber warning colour", async () => {
    const { t, model } = changedNetwork();
    const en = await model("en");
    expect(en.summary.themes[0]?.change).toMatchObject({ direction: "up", symbol: "▲" });
    expect(en.summary.themes[4]?.change).toMatchObject({ delta: "-75.0", direction: "down", symbol: "▼", notable: true });
    expect(en.summary.themes[1]?.change).toMatchObject({ delta: "0.0", direction: "none", symbol: "" });
    const html = renderReportHtml(t.deps.views, en);
    expect(html).toContain('<span class="change change--up change--notable">▲ +75.0</span>');
    expect(html).toContain('<span class="change change--down change--notable">▼ -75.0</span>');
    const colour = (name: string) => html.match(new RegExp(`--${name}: (#[0-9a-f]{6})`))?.[1];
    expect(html).toMatch(/\.change--up\.change--notable \{ color: var\(--better\); \}/);
    expect(html).toMatch(/\.change--down\.change--notable \{ color: var\(--worse\); \}/);
    expect(colour("better")).toBeDefined();
    expect(colour("better")).not.toBe(colour("worse"));
    expect(html).not.toContain("#7a4a00");
  });

  it("says which scale each spread (sd) is on", async () => {
    const { t, model } = changedNetwork();
    const en = await model("en");
    expect(en.themes[0]?.scoreLine).toMatch(/spread \(sd, scale 0–100\) \d+\.\d\d$/);
    const html = renderReportHtml(t.deps.views, en);
    expect(html).toMatch(/spread \(sd, scale 1–5\) \d\.\d\d\)/);
    const reasons = en.guide.topics.flatMap((topic) => topic.reasons).filter((r) => r.startsWith("Members are divided"));
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/\(spread: sd \d\.\d\d on the scale of 1–5\)\.$/);
    expect(html).not.toMatch(/spread \(sd\) /);
    const nl = await model("nl");
    expect(nl.themes[0]?.scoreLine).toMatch(/spreiding \(sd, schaal 0–100\) \d+,\d\d$/);
  });

  it("shows whole percentages, from the counts, for a statement with fewer than 20 answers", async () => {
    // purpose.1: 5 of 11 agree (45.45 %) and 6 disagree (54.55 %). The one-decimal 45.5 would round to 46.
    const eleven = handMadeReport(sameAnswers(11, LEVELS, (r, code) => (code === "purpose.1" ? (r < 5 ? 4 : 2) : undefined)));
    const en = shown(await eleven.model("en"));
    expect(en.themes[0]?.items[0]).toMatchObject({ n: "11", agree: "45%", disagree: "55%", neutral: "0%" });
    expect(en.themes[0]?.items[1]).toMatchObject({ agree: "0%", neutral: "100%" });
    expect(en.themes[0]?.chart.svg.toString()).toContain(">45%<");
    expect(en.themes[0]?.legend).toContain("whole percentages for a statement with fewer than 20 answers");
    const nl = shown(await eleven.model("nl"));
    expect(nl.themes[0]?.items[0]).toMatchObject({ agree: "45%", disagree: "55%" });

    // 9 of 20 agree: from 20 answers on, one decimal.
    const twenty = handMadeReport(sameAnswers(20, LEVELS, (r, code) => (code === "purpose.1" ? (r < 9 ? 4 : 2) : undefined)));
    expect(shown(await twenty.model("nl")).themes[0]?.items[0]).toMatchObject({ n: "20", agree: "45,0%", disagree: "55,0%" });
  });
});
