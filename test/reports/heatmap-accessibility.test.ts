// The heatmap of results by group, with shaded and hidden cells, passes axe (contrast included)
// in English and Dutch, and a screen reader meets it as a table with row and column headers.
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportHtml } from "../../src/reports/service";
import { createTestApp } from "../support/app";
import { axeViolations, launchBrowser, openOffline } from "../support/browser";
import { makeCast } from "../support/factories";
import { makeClosedRound, type StoredResponse, uniformResponse } from "../support/responses";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** 5 in hospital answer 5 (score 100), 5 in primary care 1 (score 0); governance answered only by the hospital, value by 4 of them. */
function responses(): StoredResponse[] {
  const without = (r: StoredResponse, theme: string) => {
    for (const code of Object.keys(r.answers)) if (code.startsWith(`${theme}.`)) delete r.answers[code];
    return r;
  };
  return [
    ...Array.from({ length: 5 }, (_, i) =>
      i < 4 ? uniformResponse(5, { organisationType: "hospital" }) : without(uniformResponse(5, { organisationType: "hospital" }), "value"),
    ),
    ...Array.from({ length: 5 }, () => without(uniformResponse(1, { organisationType: "primary_care" }), "governance")),
  ];
}

describe("the heatmap of results by group", () => {
  it("has no WCAG A/AA violations and is a table with headers, in English and Dutch", async () => {
    const t = createTestApp({ now: "2026-03-02T09:00:00Z" });
    const cast = makeCast(t);
    const round = makeClosedRound(t, cast.network.id, responses(), { minResponses: 5 });
    for (const lang of ["en", "nl"] as const) {
      const links = { backUrl: "/", pdfUrl: "/report.pdf", otherLanguageUrl: "/other", otherLanguage: lang === "en" ? "nl" : "en" };
      const html = await reportHtml(t.deps, round, cast.network, lang, links);
      const page = await openOffline(browser, html);
      try {
        const table = await page.$eval("#heatmap-organisationType", (el) => ({
          caption: el.querySelector("caption")?.textContent?.trim(),
          columns: [...el.querySelectorAll("thead th[scope=col]")].length,
          rows: [...el.querySelectorAll("tbody th[scope=row]")].map((th) => th.textContent?.trim()),
          // Every cell holds its figure (or "too few answers") as text, not only a colour.
          cells: [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim())),
        }));
        const tooFew = lang === "en" ? "too few answers" : "te weinig antwoorden";
        const [hundred, zero] = lang === "en" ? ["100.0", "0.0"] : ["100,0", "0,0"];
        expect(table.caption).toBe(lang === "en" ? "By type of organisation" : "Naar type organisatie");
        // Group, respondents, temperature and five themes.
        expect(table.columns).toBe(8);
        // Value: hospital 4 (hidden), so primary care is hidden with it; governance: primary care nobody.
        expect(table.cells).toEqual([
          ["5", hundred, hundred, hundred, hundred, hundred, tooFew],
          ["5", zero, zero, zero, zero, tooFew, tooFew],
        ]);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });
});
