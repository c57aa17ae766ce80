// The heatmap's network map and maturity columns, read from each latest round's frozen values:
// on the page, in the CSV (English and Dutch) and in GET /api/v1/portfolio.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ConnectionRecord, MapOrganisation } from "../../../src/connections/types";
import type { MaturityResponse } from "../../../src/maturity/scoring";
import { createTestApp, type TestApp } from "../../support/app";
import { makeClosedMapRound } from "../../support/connections";
import { makeGrant, makeNetwork, makeUser, sessionFor } from "../../support/factories";
import { call, getPage } from "../../support/http";
import { closedMaturityRound } from "../../support/maturity";
import { makeClosedRound, uniformResponse } from "../../support/responses";

type Case = { name: string; input: { organisations: MapOrganisation[]; k: number; records: ConnectionRecord[] } };
const hand = (
  JSON.parse(readFileSync(new URL("../../fixtures/network-map-reference.json", import.meta.url), "utf8")) as { cases: Case[] }
).cases.find((c) => c.name === "hand-5-orgs") as Case;

const mark = (current: 1 | 2 | 3 | 4 | null) => ({ current, target: null });

/**
 * Five networks, one latest round each:
 * - Ash: the hand-computed map, density 4/10 ("4 in 10"), trust 68.1 and value 69.4 (0–100);
 * - Beech: a map of 5 records under a threshold of 6, suppressed: "too few answers";
 * - Chestnut: the matrix, five members (threshold 5). Purpose now 1, 2, 2, 3, 4 (lower median 2),
 *   relationships all 3 (3), communication 2, 2, 3, 3, 4 (3), governance 1, 1, 2, 2, 2 (2), value
 *   marked by 4 (not shown). Four dimensions shown, medians 2, 3, 3, 2: lower median 2, "2 Developing";
 * - Damson: the matrix, only three dimensions shown (fewer than half of eight): "too few answers";
 * - Elder: neither module: "not asked" everywhere.
 */
function columnsFixture(t: TestApp) {
  const make = (name: string) => makeNetwork(t, { name });
  const [ash, beech, chestnut, damson, elder] = ["Ash", "Beech", "Chestnut", "Damson", "Elder"].map(make);
  if (!ash || !beech || !chestnut || !damson || !elder) throw new Error("no networks");
  makeClosedMapRound(t, ash.id, hand.input, { minResponses: 3 });
  makeClosedMapRound(t, beech.id, { ...hand.input, responses: 6 }, { minResponses: 6 });
  const purpose = [1, 2, 2, 3, 4] as const;
  const communication = [2, 2, 3, 3, 4] as const;
  const governance = [1, 1, 2, 2, 2] as const;
  const marks: MaturityResponse[] = purpose.map((p, i) => ({
    purpose: mark(p),
    relationships: mark(3),
    communication: mark(communication[i] ?? null),
    governance: mark(governance[i] ?? null),
    value: mark(i < 4 ? 4 : null),
  }));
  closedMaturityRound(t, chestnut.id, marks, { round: { minResponses: 5 } });
  closedMaturityRound(
    t,
    damson.id,
    marks.map(({ value: _, governance: __, ...rest }) => rest),
    { round: { minResponses: 5 } },
  );
  makeClosedRound(
    t,
    elder.id,
    Array.from({ length: 5 }, () => uniformResponse(4)),
  );
  const commissioner = makeUser(t, { role: "commissioner" });
  for (const n of [ash, beech, chestnut, damson, elder]) makeGrant(t, n.id, commissioner.id, "commissioner");
  return sessionFor(t, commissioner.id);
}

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
