// Figures with too few respondents behind them, at the boundary, everywhere they are shown: the
// results API, the HTML report, the PDF (English and Dutch), the members' mirror and the compare
// API, CSV and page. Threshold 5; round "Low" has 4 respondents behind each figure under test,
// round "High" (closed after it) 5.
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rounds } from "../../src/db/schema";
import type { PdfRenderer } from "../../src/reports/renderer";
import { createTestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { call, getPage, postForm } from "../support/http";
import { makeClosedRound, type StoredResponse, uniformResponse } from "../support/responses";
import { download, pdfText, realRenderer } from "./pdf-support";

let browser: PdfRenderer;
beforeAll(() => {
  browser = realRenderer();
});
afterAll(() => browser.close());

/** Every statement answered `value`, less the themes in `skip`. */
function person(value: 2 | 4, org: string, skip: string[], extra: Partial<StoredResponse> = {}): StoredResponse {
  const r = uniformResponse(value, { organisationType: org, ...extra });
  for (const code of Object.keys(r.answers)) if (skip.some((theme) => code.startsWith(`${theme}.`))) delete r.answers[code];
  return r;
}

/**
 * 5 in hospital answer 4 (score 75), 5 in primary care answer 2 (25). `k` of the hospital answer
 * governance (nobody else does), the value statements, the 0–10 rating (9) and the trend (better);
 * primary care answer value but not governance.
 */
function roundOf(k: number): StoredResponse[] {
  const hospital = Array.from({ length: 5 }, (_, i) =>
    person(4, "hospital", i < k ? [] : ["governance", "value"], i < k ? { overall: 9, trend: "better" } : {}),
  );
  const primary = Array.from({ length: 5 }, () => person(2, "primary_care", ["governance"]));
  return [...hospital, ...primary];
}

async function fixture() {
  const t = createTestApp({ renderer: browser, now: "2026-03-02T09:00:00Z" });
  const cast = makeCast(t);
  const low = makeClosedRound(t, cast.network.id, roundOf(4), { title: "Low", minResponses: 5 });
  t.clock.advance(60_000);
  const high = makeClosedRound(t, cast.network.id, roundOf(5), { title: "High", minResponses: 5 });
  const cookie = cast.facilitator.cookie;
  const results = async (id: string, lang = "en") =>
    (await call(t, "GET", `/api/v1/rounds/${id}/results?lang=${lang}`, undefined, { cookie })).json;
  return { t, cast, low, high, cookie, results };
}

const theme = (results: { themes: { code: string }[] }, code: string) =>
  results.themes.find((x) => x.code === code) as Record<string, unknown>;
/** The visible text of an HTML fragment. */
const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&#x27;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .replace(/\s+/g, " ");
/** The text of each row of the heatmap table for organisation type. */
function heatmapRows(html: string): string[] {
  const table = /<table class="groups heat" id="heatmap-organisationType">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1] ?? "").trim());
}

describe("figures with too few respondents behind them", () => {
  it("results API: hidden at threshold − 1, shown at the threshold, change hidden against a hidden figure", async () => {
    const { low, high, results } = await fixture();
    const l = await results(low.id);
    // Governance: 4 respondents → not shown. Value: 4 hospital + 5 primary care = 9 → shown,
    // (4 × 75 + 5 × 25) / 9 = 47.2; purpose: (5 × 75 + 5 × 25) / 10 = 50.
    expect(theme(l, "governance")).toMatchObject({ shown: false, score: null, sd: null, n: 4 });
    expect(theme(l, "value")).toMatchObject({ shown: true, score: 47.2, n: 9 });
    expect(l.overall).toMatchObject({ rating: null, ratingN: 4, ratingShown: false, trend: null, trendN: 4, trendShown: false });
    // Value by organisation: hospital 4 (hidden), so primary care (5) is hidden with it.
    expect(
      l.breakdowns.organisationType.map((r: { group: string; themes: Record<string, number | null> }) => [r.group, r.themes.value]),
    ).toEqual([
      ["hospital", null],
      ["primary_care", null],
    ]);

    const h = await results(high.id);
    expect(theme(h, "governance")).toMatchObject({ shown: true, score: 75, n: 5 });
    // Its change would give away Low's hidden governance score.
    expect(theme(h, "governance").change).toMatchObject({ delta: null, p: null, notable: false });
    expect(theme(h, "value")).toMatchObject({ shown: true, score: 50, n: 10 });
    expect(h.overall).toMatchObject({
      rating: 9,
      ratingN: 5,
      ratingShown: true,
      trend: { worse: 0, same: 0, better: 5, new: 0 },
      trendShown: true,
    });
    // Governance by organisation: hospital 5 shown; primary care has nobody behind it (nothing to subtract).
    expect(
      h.breakdowns.organisationType.map((r: { group: string; themes: Record<string, number | null> }) => [
        r.group,
        r.themes.value,
        r.themes.governance,
      ]),
    ).toEqual([
      ["hospital", 75, 75],
      ["primary_care", 25, null],
    ]);
  });

  it("HTML report: too few answers in the summary, the theme page, the rating, the trend split, themes over time and the heatmap", async () => {
    const { t, low, high, cookie, results } = await fixture();
    for (const lang of ["en", "nl"] as const) {
      const tooFew = lang === "en" ? "too few answers" : "te weinig antwoorden";
      const title = theme(await results(low.id, lang), "governance").title as string;
      const lowHtml = (await getPage(t, `/rounds/${low.id}/report?lang=${lang}`, { cookie })).text;
      const lowText = textOf(lowHtml);
      // The summary table: title, score, respondents.
      expect(lowText).toContain(`${title} ${tooFew} 4`);
      expect(lowText).toContain(
        lang === "en" ? 'How healthy is this network today?": too few answers (4 answers)' : "te weinig antwoorden (4 antwoorden)",
      );
      expect(lowText).toContain(
        lang === "en"
          ? "Compared with a year ago: too few answers (4 answers)"
          : "Vergeleken met een jaar geleden: te weinig antwoorden (4 antwoorden)",
      );
      // The governance page: no score, no change.
      expect(lowHtml).toMatch(new RegExp(`id="theme-governance"[\\s\\S]*?<span class="scoreline__score toofew">${tooFew}</span>`));
      expect(lowText).not.toContain("9.00");
      expect(lowText).not.toContain("9,00");
      // Heatmap rows: group, respondents, temperature, purpose, relationships, communication, governance, value.
      expect(heatmapRows(lowHtml).slice(1)).toEqual(
        lang === "en"
          ? [
              "Hospital 5 75.0 75.0 75.0 75.0 too few answers too few answers",
              "General practice or primary care 5 25.0 25.0 25.0 25.0 too few answers too few answers",
            ]
          : [
              "Ziekenhuis 5 75,0 75,0 75,0 75,0 te weinig antwoorden te weinig antwoorden",
              "Huisartsenpraktijk of eerstelijnszorg 5 25,0 25,0 25,0 25,0 te weinig antwoorden te weinig antwoorden",
            ],
      );

      const highHtml = (await getPage(t, `/rounds/${high.id}/report?lang=${lang}`, { cookie })).text;
      const highText = textOf(highHtml);
      expect(highText).toContain(`${title} ${lang === "en" ? "75.0" : "75,0"} 5`);
      // Themes over time: Low's governance had too few respondents behind it.
      expect(highText).toContain(`${title} ${tooFew} ${lang === "en" ? "75.0" : "75,0"}`);
      expect(highText).toContain(lang === "en" ? "9.00 out of 10 (5 answers)" : "9,00 van de 10 (5 antwoorden)");
      expect(heatmapRows(highHtml).slice(1)[1]).toBe(
        lang === "en"
          ? "General practice or primary care 5 25.0 25.0 25.0 25.0 too few answers 25.0"
          : "Huisartsenpraktijk of eerstelijnszorg 5 25,0 25,0 25,0 25,0 te weinig antwoorden 25,0",
      );
      // A real table for screen readers: headers by scope, the group as the row header.
      expect(highHtml).toMatch(/<table class="groups heat" id="heatmap-organisationType">\s*<caption>/);
      expect(highHtml).toContain('<th scope="row">');
    }
  });

  it("PDF: the same words in English and Dutch", async () => {
    const { t, low, high, cookie, results } = await fixture();
    for (const lang of ["en", "nl"] as const) {
      const tooFew = lang === "en" ? "too few answers" : "te weinig antwoorden";
      const title = theme(await results(low.id, lang), "governance").title as string;
      const lowPdf = await pdfText((await download(t, `/api/v1/rounds/${low.id}/report.pdf?lang=${lang}`, cookie)).bytes);
      expect(lowPdf).toContain(`${title} ${tooFew} 4`);
      expect(lowPdf).toContain(
        lang === "en" ? "Compared with a year ago: too few answers" : "Vergeleken met een jaar geleden: te weinig antwoorden",
      );
      expect(lowPdf).toMatch(
        lang === "en"
          ? /Hospital 5 75\.0 75\.0 75\.0 75\.0 too few answers too few answers/
          : /Ziekenhuis 5 75,0 75,0 75,0 75,0 te weinig antwoorden te weinig antwoorden/,
      );
      const highPdf = await pdfText((await download(t, `/api/v1/rounds/${high.id}/report.pdf?lang=${lang}`, cookie)).bytes);
      expect(highPdf).toContain(`${title} ${lang === "en" ? "75.0" : "75,0"} 5`);
      expect(highPdf).toContain(lang === "en" ? "9.00 out of 10 (5 answers)" : "9,00 van de 10 (5 antwoorden)");
      // The cover: responses through an open link, counted from the links (none here: rows made directly).
      expect(highPdf).toContain(lang === "en" ? "Through an open link 0" : "Via een open link 0");
    }
  });

  it("members' mirror: too few answers at threshold − 1, the score at the threshold", async () => {
    const { t, low, high, cookie, results } = await fixture();
    const title = theme(await results(low.id), "governance").title as string;
    const mirrorOf = async (id: string) => {
      expect((await postForm(t, `/rounds/${id}/mirror/publish`, {}, { cookie })).status).toBe(303);
      const slug = t.db.select().from(rounds).where(eq(rounds.id, id)).get()?.mirrorSlug;
      return textOf((await getPage(t, `/m/${slug}`)).text);
    };
    expect(await mirrorOf(low.id)).toContain(`${title} too few answers`);
    const highMirror = await mirrorOf(high.id);
    expect(highMirror).toContain(`${title} 75.0`);
    expect(highMirror).not.toContain("too few answers");
  });

  it("compare: null in the API and CSV, too few answers on the page and in the chart", async () => {
    const { t, cast, low, high } = await fixture();
    const cookie = cast.commissioner.cookie;
    const api = (await call(t, "GET", `/api/v1/compare?networkIds=${cast.network.id}`, undefined, { cookie })).json;
    const byId = Object.fromEntries(api.networks[0].rounds.map((r: { id: string }) => [r.id, r]));
    expect(byId[low.id].themes.governance).toBeNull();
    expect(byId[high.id].themes.governance).toBe(75);

    const csv: string[][] = parse((await getPage(t, `/compare.csv?networkIds=${cast.network.id}`, { cookie })).text, { bom: true });
    const governance = csv[0]?.indexOf("governance") ?? -1;
    expect(csv.slice(1).map((row) => [row[2], row[governance]])).toEqual([
      ["Low", ""],
      ["High", "75"],
    ]);

    const html = (await getPage(t, `/compare?networkIds=${cast.network.id}`, { cookie })).text;
    const page = textOf(html);
    // Table rows: round, closed, n, response rate, temperature, then the five themes; Low's governance has no figure.
    expect(page).toMatch(/Low .*? 50\.0 50\.0 50\.0 50\.0 too few answers 47\.2/);
    // And the governance chart's text alternative says so too.
    expect(html).toMatch(/aria-label="Governance \(0 to 100\) by round closing date\. [^"]*? too few answers, [^"]*? 75\.0\."/);
    expect(page).toMatch(/High .*? 50\.0 50\.0 50\.0 75\.0 50\.0/);
  });
});
