import { describe, expect, it } from "vitest";
import { createTestApp } from "../../support/app";
import { getPage } from "../../support/http";
import { heatmapFixture } from "./fixture";

/** The row of a network in the heatmap, as text without tags. */
function rowOf(html: string, name: string): string {
  const start = html.indexOf(`>${name}</a>`) + 1;
  const row = html.slice(start, html.indexOf("</tr>", start));
  return row
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
/** The network names in the order the heatmap lists them. */
const order = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/networks\/[^"]+\/history">([^<]+)<\/a>/g)].map((m) => m[1]);

describe("GET /portfolio: the heatmap", () => {
  it("shows each network's latest round with banded scores, change, difference, respondents, rate and confidence", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const res = await getPage(t, "/portfolio", { cookie: f.commissioner.cookie });
    expect(res.status).toBe(200);
    expect(order(res.text)).toEqual(["Alder Network", "Birch Partnership", "Cedar Collaborative", "Dogwood Alliance", "Elm Network"]);
    expect(res.text).not.toContain("Hidden Network");
    // Alder: 85.0 everywhere, strong, a notable rise of 45.0, notably above the rest.
    expect(rowOf(res.text, "Alder Network")).toBe(
      `Alder Network Established 1 March 2026 5 – low ${"85.0 ▲ , notable rise of +45.0 since the previous round strong above notably above the rest of the portfolio ".repeat(6).trim()}`,
    );
    // Birch: 70.0 is strong (never "70.0" in mixed); 5 of 8 invited.
    expect(rowOf(res.text, "Birch Partnership")).toBe(
      `Birch Partnership Forming 1 February 2026 5 62.5% low ${"70.0 strong ".repeat(6).trim()}`,
    );
    // Cedar: 50.0 is mixed, and notably below the rest (six identical scores against a varied rest).
    expect(rowOf(res.text, "Cedar Collaborative")).toContain("50.0 mixed below notably below the rest of the portfolio");
    // Dogwood's latest round had 3 answers: every figure "too few answers".
    expect(rowOf(res.text, "Dogwood Alliance")).toBe(
      `Dogwood Alliance Established 10 March 2026 3 – low ${"too few answers ".repeat(6).trim()}`,
    );
    expect(rowOf(res.text, "Elm Network")).toBe("Elm Network Renewing No closed round yet");
    // No round asked the network map or the maturity matrix: their columns are left out of the page.
    expect(res.text).not.toContain("Partnerships active");
    expect(res.text).not.toContain("Maturity now");
    // The average: (85 + 70 + 50 + 75) / 4 = 70.0 of 4 networks (Dogwood by its December round).
    const foot = res.text
      .slice(res.text.indexOf("<tfoot>"), res.text.indexOf("</tfoot>"))
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
    expect(foot.trim()).toBe(`Portfolio average ${"70.0 strong 4 networks ".repeat(6).trim()}`);
    expect(res.text).toContain("0–49.9 needs attention · 50–69.9 mixed · 70–100 strong, applied to the score as shown (one decimal).");
  });

  it("counts networks per band, lists movers and draws the quarters", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const res = await getPage(t, "/portfolio", { cookie: f.commissioner.cookie });
    const counts = res.text.slice(res.text.indexOf('id="counts-title"'), res.text.indexOf('id="movers-title"'));
    // Temperature: Cedar mixed; Alder, Birch strong; Dogwood and Elm no figure.
    expect(counts.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toContain("Temperature 0 1 2 2");
    const movers = res.text.slice(res.text.indexOf('id="movers-title"'), res.text.indexOf('id="over-time-title"')).replace(/<[^>]+>/g, " ");
    expect(movers.replace(/\s+/g, " ")).toContain("Largest rises Alder Network: ▲ +45.0 (Temperature 85.0)");
    expect(movers).toContain("Largest falls");
    // Quarters: Q3 2025 Alder 40; Q4 2025 Dogwood 75; Q1 2026 Alder 85, Birch 70, Cedar 50 (Dogwood's
    // March round has too few answers) → sorted 50, 70, 85: q1 60, median 70, q3 77.5.
    expect(res.text).toContain(
      'aria-label="Temperature by quarter, median and interquartile range: Q3 2025 median 40.0 (40.0–40.0, 1 networks); Q4 2025 median 75.0 (75.0–75.0, 1 networks); Q1 2026 median 70.0 (60.0–77.5, 3 networks)"',
    );
  });

  it("sorts by any column, in either order, by links and a form, and filters by stage and date", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const names = async (query: string) => order((await getPage(t, `/portfolio${query}`, { cookie: f.commissioner.cookie })).text);
    // Highest first; too few answers and no round last, by name.
    expect(await names("?sort=overall")).toEqual([
      "Alder Network",
      "Birch Partnership",
      "Cedar Collaborative",
      "Dogwood Alliance",
      "Elm Network",
    ]);
    expect(await names("?sort=purpose&dir=asc")).toEqual([
      "Cedar Collaborative",
      "Birch Partnership",
      "Alder Network",
      "Dogwood Alliance",
      "Elm Network",
    ]);
    expect(await names("?sort=respondents&dir=asc")).toEqual([
      "Dogwood Alliance",
      "Alder Network",
      "Birch Partnership",
      "Cedar Collaborative",
      "Elm Network",
    ]);
    expect(await names("?sort=date")).toEqual([
      "Dogwood Alliance",
      "Alder Network",
      "Birch Partnership",
      "Cedar Collaborative",
      "Elm Network",
    ]);
    expect(await names("?sort=name&dir=desc")).toEqual([
      "Elm Network",
      "Dogwood Alliance",
      "Cedar Collaborative",
      "Birch Partnership",
      "Alder Network",
    ]);
    expect(await names("?stage=established")).toEqual(["Alder Network", "Dogwood Alliance"]);
    expect(await names("?from=2026-02-01&to=2026-03-01")).toEqual(["Alder Network", "Birch Partnership"]);
    expect(await names("?sort=nonsense&stage=nope&page=zz")).toEqual([
      "Alder Network",
      "Birch Partnership",
      "Cedar Collaborative",
      "Dogwood Alliance",
      "Elm Network",
    ]);
    const page = (await getPage(t, "/portfolio?sort=overall", { cookie: f.commissioner.cookie })).text;
    // The active column says its order and links to the other; the others link to their own default.
    expect(page).toContain(
      '<th scope="col" class="num" aria-sort="descending"><a href="/portfolio?sort&#x3D;overall&amp;dir&#x3D;asc">Temperature</a></th>',
    );
    expect(page).toContain('<a href="/portfolio?sort&#x3D;purpose">');
    expect(page).toContain('<form method="get" action="/portfolio"');
    expect((await getPage(t, "/portfolio?stage=renewing&from=2026-01-01", { cookie: f.commissioner.cookie })).text).toContain(
      "No network matches these filters.",
    );
  });

  it("answers 400 naming a date it cannot read", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const res = await getPage(t, "/portfolio?from=yesterday", { cookie: f.commissioner.cookie });
    expect(res.status).toBe(400);
    expect(res.text).toContain("from");
  });

  it("speaks Dutch", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const res = await getPage(t, "/portfolio?lang=nl", { cookie: f.commissioner.cookie });
    expect(res.text).toContain('<html lang="nl">');
    expect(rowOf(res.text, "Birch Partnership")).toBe(
      `Birch Partnership In oprichting 1 februari 2026 5 62,5% laag ${"70,0 sterk ".repeat(6).trim()}`,
    );
    expect(rowOf(res.text, "Dogwood Alliance")).toContain("te weinig antwoorden");
    expect(res.text).toContain("0–49,9 vraagt aandacht · 50–69,9 wisselend · 70–100 sterk");
    expect(res.text).toContain('<a class="skip-link" href="#main">Naar de inhoud</a>');
    const en = await getPage(t, "/portfolio?lang=en", { cookie: f.commissioner.cookie });
    expect(en.text).toContain('<a class="skip-link" href="#main">Skip to content</a>');
  });

  it("sends anonymous visitors to the login page", async () => {
    const t = createTestApp();
    const res = await getPage(t, "/portfolio");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?next=%2Fportfolio");
  });
});
