import { describe, expect, it } from "vitest";
import { createTestApp } from "../../support/app";
import { makeUser, sessionFor } from "../../support/factories";
import { getPage, postForm } from "../../support/http";
import { heatmapFixture } from "./fixture";

/** The four added columns (network map, maturity) of a round without either module: empty. */
const NO_EXTRA = '"","","",""';

describe("GET /portfolio.csv", () => {
  it("holds the heatmap's rows, filtered and sorted as on the page, with bands, changes and differences", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const res = await getPage(t, "/portfolio.csv?sort=overall&stage=all", { cookie: f.commissioner.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain('filename="portfolio-2026-04-01.csv"');
    const lines = res.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      `"network","stage","round","closed","respondents","response rate","confidence","too few answers",${[
        "Temperature",
        "Purpose",
        "Relationships",
        "Communication",
        "Governance",
        "Value",
      ]
        .map(
          (title) =>
            `"${title}","${title} band (0–49.9 needs attention, 50–69.9 mixed, 70–100 strong)","${title} notable change","${title} difference from portfolio"`,
        )
        .join(
          ",",
        )},"partnerships active (share of possible pairs, 0–1)","trust between organisations (0–100)","value of working together (0–100)","maturity now (middle level of the dimensions, 1 Emerging – 4 Thriving)"`,
    );
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([
      '"Alder Network"',
      '"Birch Partnership"',
      '"Cedar Collaborative"',
      '"Dogwood Alliance"',
      '"Elm Network"',
    ]);
    expect(lines[1]).toBe(
      `"Alder Network","Established","Round 2026-03","2026-03-01","5","","low","no",${'"85","strong","45","above",'.repeat(6)}${NO_EXTRA}`,
    );
    expect(lines[2]).toBe(
      `"Birch Partnership","Forming","Round 2026-02","2026-02-01","5","62.5","low","no",${'"70","strong","","",'.repeat(6)}${NO_EXTRA}`,
    );
    expect(lines[4]).toBe(
      `"Dogwood Alliance","Established","Round 2026-03","2026-03-10","3","","low","yes",${'"","","","",'.repeat(6)}${NO_EXTRA}`,
    );
    expect(lines[5]).toBe(`"Elm Network","Renewing","","","","","","",${'"","","","",'.repeat(6)}${NO_EXTRA}`);
  });

  it("speaks Dutch", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const res = await getPage(t, "/portfolio.csv?lang=nl&stage=forming", { cookie: f.commissioner.cookie });
    const lines = res.text.trim().split(/\r?\n/);
    expect(lines[0]).toContain(
      '"netwerk","fase","ronde","gesloten","deelnemers","respons","betrouwbaarheid","te weinig antwoorden","Temperatuur","Temperatuur klasse (0–49,9 vraagt aandacht, 50–69,9 wisselend, 70–100 sterk)"',
    );
    expect(lines[1]).toBe(
      `"Birch Partnership","In oprichting","Round 2026-02","2026-02-01","5","62.5","laag","nee",${'"70","sterk","","",'.repeat(6)}${NO_EXTRA}`,
    );
  });
});

describe("POST /portfolio/settings", () => {
  it("names the portfolio and turns the benchmark on", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const res = await postForm(
      t,
      "/portfolio/settings?lang=nl",
      { name: "  Regio Noord  ", benchmark: "on" },
      { cookie: f.commissioner.cookie },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/portfolio?lang=nl&saved=1");
    const page = await getPage(t, "/portfolio?lang=nl&saved=1", { cookie: f.commissioner.cookie });
    expect(page.text).toContain('<span class="subtitle">Regio Noord</span>');
    expect(page.text).toContain("Opgeslagen.");
    expect(page.text).toMatch(/name="benchmark" value="on"[^>]* checked>/);
  });

  it("answers 400 naming the field for an empty or long name, and 403 for a facilitator", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const empty = await postForm(t, "/portfolio/settings", { name: "   " }, { cookie: f.commissioner.cookie });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Name of your portfolio is required");
    const long = await postForm(t, "/portfolio/settings", { name: "x".repeat(81) }, { cookie: f.commissioner.cookie });
    expect(long.status).toBe(400);
    expect(long.text).toContain("Name of your portfolio is at most 80 characters");
    const facilitator = makeUser(t, { role: "facilitator" });
    const refused = await postForm(t, "/portfolio/settings", { name: "Mine" }, { cookie: sessionFor(t, facilitator.id) });
    expect(refused.status).toBe(403);
    expect((await getPage(t, "/portfolio", { cookie: sessionFor(t, facilitator.id) })).text).not.toContain('action="/portfolio/settings"');
  });

  it("refuses a post from another site", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const res = await postForm(
      t,
      "/portfolio/settings",
      { name: "X" },
      { cookie: f.commissioner.cookie, headers: { Origin: "https://evil.example" } },
    );
    expect(res.status).toBe(403);
  });
});
