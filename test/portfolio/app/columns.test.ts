// The heatmap's network map and maturity columns, read from each latest round's frozen values:
// on the page, in the CSV (English and Dutch) and in GET /api/v1/portfolio.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../support/app";
import { call, getPage } from "../../support/http";
import { columnsFixture } from "./columns-fixture";

/** The texts of the last four cells of a network's row: the added columns. */
const added = (html: string, name: string) => {
  const start = html.indexOf(`>${name}</a>`);
  const row = html.slice(start, html.indexOf("</tr>", start));
  return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => (m[1] ?? "").trim()).slice(-4);
};

describe("the heatmap's network map and maturity columns", () => {
  it("show density in tens, trust and value 0–100, the middle maturity level, and why a figure is missing", async () => {
    const t = createTestApp();
    const cookie = columnsFixture(t);
    const res = await getPage(t, "/portfolio", { cookie });
    expect(res.status).toBe(200);
    const head = res.text.slice(res.text.indexOf("<thead>"), res.text.indexOf("</thead>")).replace(/<[^>]+>/g, "|");
    expect(head).toContain("Partnerships active|");
    expect(head).toContain("Trust between organisations|");
    expect(head).toContain("Value of working together|");
    expect(head).toContain("Maturity now|");
    const notAsked = "not asked";
    const tooFew = "too few answers";
    expect(added(res.text, "Ash")).toEqual(["4 in 10", "68.1", "69.4", notAsked]);
    expect(added(res.text, "Beech")).toEqual([tooFew, tooFew, tooFew, notAsked]);
    expect(added(res.text, "Chestnut")).toEqual([notAsked, notAsked, notAsked, "2 Developing"]);
    expect(added(res.text, "Damson")).toEqual([notAsked, notAsked, notAsked, tooFew]);
    expect(added(res.text, "Elder")).toEqual([notAsked, notAsked, notAsked, notAsked]);

    const nl = await getPage(t, "/portfolio?lang=nl", { cookie });
    expect(added(nl.text, "Ash")).toEqual(["4 op de 10", "68,1", "69,4", "niet gevraagd"]);
    expect(added(nl.text, "Chestnut")).toEqual(["niet gevraagd", "niet gevraagd", "niet gevraagd", "2 In ontwikkeling"]);
    expect(added(nl.text, "Damson").at(-1)).toBe("te weinig antwoorden");
  });

  it("sort by their numbers, rows without a figure last by name, on the page and in the CSV", async () => {
    const t = createTestApp();
    const cookie = columnsFixture(t);
    const names = (html: string) => [...html.matchAll(/<th scope="row"><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]);
    // Maturity now: Chestnut 2; the others have none.
    const page = await getPage(t, "/portfolio?sort=maturityNow", { cookie });
    expect(names(page.text)).toEqual(["Chestnut", "Ash", "Beech", "Damson", "Elder"]);
    expect(page.text).toContain(
      '<th scope="col" class="num added" aria-sort="descending"><a href="/portfolio?sort&#x3D;maturityNow&amp;dir&#x3D;asc">Maturity now</a></th>',
    );
    const csv: string[][] = parse((await getPage(t, "/portfolio.csv?sort=mapDensity&dir=asc", { cookie })).text, { bom: true });
    expect(csv.slice(1).map((row) => row[0])).toEqual(["Ash", "Beech", "Chestnut", "Damson", "Elder"]);
  });

  it("export the numbers in the CSV, empty where there is no figure, with headers in English and Dutch", async () => {
    const t = createTestApp();
    const cookie = columnsFixture(t);
    const en: string[][] = parse((await getPage(t, "/portfolio.csv", { cookie })).text, { bom: true });
    expect(en[0]?.slice(-4)).toEqual([
      "partnerships active (share of possible pairs, 0–1)",
      "trust between organisations (0–100)",
      "value of working together (0–100)",
      "maturity now (middle level of the dimensions, 1 Emerging – 4 Thriving)",
    ]);
    expect(en.slice(1).map((row) => [row[0], ...row.slice(-4)])).toEqual([
      ["Ash", "0.4", "68.1", "69.4", ""],
      ["Beech", "", "", "", ""],
      ["Chestnut", "", "", "", "2"],
      ["Damson", "", "", "", ""],
      ["Elder", "", "", "", ""],
    ]);
    const nl: string[][] = parse((await getPage(t, "/portfolio.csv?lang=nl", { cookie })).text, { bom: true });
    expect(nl[0]?.slice(-4)).toEqual([
      "actieve samenwerkingen (deel van de mogelijke paren, 0–1)",
      "vertrouwen tussen organisaties (0–100)",
      "waarde van samenwerken (0–100)",
      "volwassenheid nu (middelste niveau van de dimensies, 1 Beginnend – 4 Bloeiend)",
    ]);
    expect(nl[1]?.slice(-4)).toEqual(["0.4", "68.1", "69.4", ""]);
  });

  it("give each latest round's columns in GET /api/v1/portfolio, described in the OpenAPI document", async () => {
    const t = createTestApp();
    const cookie = columnsFixture(t);
    const res = await call(t, "GET", "/api/v1/portfolio", undefined, { cookie });
    expect(res.status).toBe(200);
    const columns = Object.fromEntries(
      res.json.networks.map((n: { name: string; latestRound: { columns: unknown } }) => [n.name, n.latestRound.columns]),
    );
    const shown = (value: number) => ({ value, status: "shown" });
    const tooFew = { value: null, status: "too_few_answers" };
    const notAsked = { value: null, status: "not_asked" };
    expect(columns).toEqual({
      Ash: { mapDensity: shown(0.4), mapTrust: shown(68.1), mapValue: shown(69.4), maturityNow: notAsked },
      Beech: { mapDensity: tooFew, mapTrust: tooFew, mapValue: tooFew, maturityNow: notAsked },
      Chestnut: { mapDensity: notAsked, mapTrust: notAsked, mapValue: notAsked, maturityNow: shown(2) },
      Damson: { mapDensity: notAsked, mapTrust: notAsked, mapValue: notAsked, maturityNow: tooFew },
      Elder: { mapDensity: notAsked, mapTrust: notAsked, mapValue: notAsked, maturityNow: notAsked },
    });
    const doc = await call(t, "GET", "/api/v1/openapi.json");
    const schema = doc.json.components.schemas.PortfolioColumns;
    expect(Object.keys(schema.properties)).toEqual(["mapDensity", "mapTrust", "mapValue", "maturityNow"]);
    expect(schema.properties.maturityNow.properties.status.enum).toEqual(["shown", "too_few_answers", "not_asked"]);
  });
});
