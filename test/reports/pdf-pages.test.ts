// The mirror report's PDF read back page by page with unpdf: the page at a glance, and the wording
// of numbers, confidence and Dutch plurals as printed.
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/instrument";
import { renderReportHtml } from "../../src/reports/html";
import type { PdfRenderer } from "../../src/reports/renderer";
import { type ReportModel, reportModel } from "../../src/reports/report-model";
import { createTestApp } from "../support/app";
import { makeNetwork } from "../support/factories";
import { addAction, closedRoundWith, DEMO_COMMENTS, demoReportRounds } from "./fixtures";
import { NOW, sameAnswers, shown } from "./hand-made";
import { realRenderer } from "./pdf-support";

const FOOTER = "North Valley";

// One real Chromium for the whole file.
let browser: PdfRenderer;
beforeAll(() => {
  browser = realRenderer();
});
afterAll(() => browser.close());

/** The report as a PDF, and each page's text without its footer ("Page 2 of 13", then the footer line). */
async function printedPages(t: ReturnType<typeof createTestApp>, report: ReportModel): Promise<string[]> {
  const pdf = await browser.render(renderReportHtml(t.deps.views, report), {
    footer: FOOTER,
    pageLabel: report.labels.page.page,
    ofLabel: report.labels.page.of,
  });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  const footerAt = new RegExp(`^\\s*(Page|Pagina) \\d+ (of|van) \\d+\\s*${FOOTER}\\s*`);
  return text.map((page) => page.replace(/\s+/g, " ").replace(footerAt, ""));
}

describe("the page at a glance in the PDF", () => {
  it("is page 2, on one page, even with long open actions (en + nl)", async () => {
    const t = createTestApp({ now: "2025-10-01T09:00:00Z" });
    const network = makeNetwork(t, { name: "North Valley Integrated Care Partnership" });
    const { round } = demoReportRounds(t, network.id);
    const long = (i: number) =>
      `Action ${i}: ${"agree with every partner organisation how referrals between the hospital, general practice and social care are made, followed up and reported back to the network ".slice(0, 280)}`;
    for (let i = 1; i <= 7; i++)
      addAction(t, round, { title: long(i), owner: "The network office with the governance group", status: "open", due: "2026-06-30" });
    for (const lang of ["en", "nl"] as const) {
      const report = shown(await reportModel(t.deps, round, network, lang, t.clock.now()));
      const text = await printedPages(t, report);
      const [cover, glance, next] = text;
      const g = report.glance;
      expect(cover).toContain(network.name);
      expect(cover).not.toContain(g.labels.strongest);
      // Everything of the page at a glance is on page 2 ...
      expect(glance).toContain(g.title);
      expect(glance).toContain(`${g.temperature.value} ${g.labels.outOf100}`);
      for (const theme of g.themes) expect(glance).toContain(`${theme.title} ${theme.score}`);
      for (const s of [...g.strongest, ...g.weakest]) expect(glance).toContain(s.text);
      // The action carried over from the previous round, then the first four long ones, then a count.
      expect(g.actions.map((a) => a.title.slice(0, 9))).toEqual(["Map who d", "Action 1:", "Action 2:", "Action 3:", "Action 4:"]);
      for (const a of g.actions) expect(glance).toContain(a.title);
      expect(glance).not.toContain("Action 5:");
      expect(glance?.trimEnd().endsWith(g.moreActions ?? "")).toBe(true);
      // ... and page 3 is the next section, with nothing of it left over.
      expect(next?.startsWith(`${report.summary.title} `)).toBe(true);
      expect(next).not.toContain(g.labels.openActions);
      expect(next).not.toContain("Action 4:");
      expect(DEMO_COMMENTS.some((c) => glance?.includes(c.text))).toBe(false);
    }
  });
});

describe("numbers and words in the PDF", () => {
  /** Purpose rose from 1s and 2s to 4s and 5s; one respondent says better, one joined this year. */
  async function changedReport(lang: Lang) {
    const t = createTestApp({ now: NOW.toISOString() });
    const network = makeNetwork(t);
    const levels = { purpose: 3, relationships: 3, communication: 3, governance: 3, value: 3 } as const;
    const split = (low: 1 | 4) => (r: number) => (r % 2 === 0 ? low : ((low + 1) as 2 | 5));
    const before = sameAnswers(20, levels, (r, code) => (code.startsWith("purpose") ? split(1)(r) : undefined));
    const after = sameAnswers(20, levels, (r, code) => (code.startsWith("purpose") ? split(4)(r) : undefined)).map((resp, i) => ({
      ...resp,
      trend: i === 0 ? ("better" as const) : i === 1 ? ("new" as const) : ("same" as const),
    }));
    closedRoundWith(t, network.id, before, { closedAt: new Date("2025-09-01T00:00:00Z"), invited: 40 });
    const round = closedRoundWith(t, network.id, after, { closedAt: NOW, invited: 40 });
    return printedPages(t, shown(await reportModel(t.deps, round, network, lang, NOW)));
  }

  it("prints p < 0.001, arrows, and the confidence rule under its own heading", async () => {
    const pages = await changedReport("en");
    const text = pages.join(" ");
    expect(text).toContain("Purpose 87.5 ▲ +75.0");
    expect(text).toContain("▲ +75.0 unlikely to be chance (p < 0.001)");
    expect(text).not.toContain("p = 0.000");
    // 20 of 40 invited: a rate of 50 % is low, whatever the number of respondents.
    expect(pages[0]).toContain("Confidence Low");
    const last = pages.at(-1) ?? "";
    expect(last).toMatch(
      /Confidence Confidence says how far the figures can be taken to speak for the whole network\..*high when at least 80% of those invited responded and at least 20 people did/,
    );
  });

  it("prints Dutch verbs that agree with their number", async () => {
    const text = (await changedReport("nl")).join(" ");
    expect(text).toContain("1 vindt het beter, 18 ongeveer hetzelfde, 0 slechter; 1 is korter dan een jaar lid.");
    expect(text).toContain("(p < 0,001)");
    expect(text).toMatch(/Betrouwbaarheid Betrouwbaarheid zegt in hoeverre de cijfers/);
  });
});
