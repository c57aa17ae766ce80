import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeCast, makeGrant, makeNetwork } from "../support/factories";
import { getPage } from "../support/http";
import { makeClosedRound, uniformResponse } from "../support/responses";
import { portfolioFixture } from "./fixtures";

const HEADER = [
  "network",
  "stage",
  "round",
  "closed",
  "n",
  "response rate",
  "suppressed",
  "temperature",
  "purpose",
  "relationships",
  "communication",
  "governance",
  "value",
  "maturity now purpose",
  "maturity now relationships",
  "maturity now communication",
  "maturity now governance",
  "maturity now value",
  "maturity now membership",
  "maturity now leadership",
  "maturity now learning",
  "map density",
  "map trust",
  "map value",
];

describe("GET /compare.csv", () => {
  it("gives one row per network × closed round, as the API's figures", async () => {
    const t = createTestApp();
    const f = portfolioFixture(t);
    const { north, south } = f.networks;
    const res = await getPage(t, `/compare.csv?networkIds=${north.id},${south.id}`, { cookie: f.commissioner.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="comparison-2026-04-02.csv"');
    const rows: string[][] = parse(res.text, { bom: true });
    expect(rows[0]).toEqual(HEADER);
    // Every column has a name of its own, so that a spreadsheet or pandas never mixes two up.
    expect(new Set(rows[0]).size).toBe(rows[0]?.length);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ["North Valley Network", "Spring 2025", "2025-03-01"],
      ["North Valley Network", "Autumn 2025", "2025-09-01"],
      ["North Valley Network", "Spring 2026", "2026-03-01"],
      ["South Coast Partnership", "First", "2025-06-01"],
      ["South Coast Partnership", "Second", "2026-02-01"],
    ]);
    // The suppressed round: counts, but no score at all.
    expect(rows[2]).toEqual([
      "North Valley Network",
      "established",
      "Autumn 2025",
      "2025-09-01",
      "3",
      "37.5",
      "yes",
      // temperature, five themes, eight maturity dimensions, density, trust, value: all empty.
      ...Array.from({ length: 17 }, () => ""),
    ]);
    // Every other row has the same figures as the API.
    const api = await getPage(t, `/api/v1/compare?networkIds=${north.id},${south.id}`, {
      cookie: f.commissioner.cookie,
      headers: { Accept: "application/json" },
    });
    const rounds = JSON.parse(api.text).networks.flatMap((n: { rounds: unknown[] }) => n.rounds);
    rounds.forEach((round: { overall: number | null; themes: Record<string, number> | null; responseRate: number }, i: number) => {
      const row = rows[i + 1] ?? [];
      expect(row[5]).toBe(String(round.responseRate));
      if (round.overall === null) return;
      expect(row.slice(7, 13)).toEqual([round.overall, ...HEADER.slice(8, 13).map((code) => round.themes?.[code])].map(String));
    });
  });

  it("neutralises a network name that a spreadsheet would run as a formula", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const evil = makeNetwork(t, { name: '=HYPERLINK("http://x")' });
    makeGrant(t, evil.id, cast.commissioner.user.id, "commissioner");
    makeClosedRound(
      t,
      evil.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
      { title: "+SUM(A1)" },
    );
    const res = await getPage(t, `/compare.csv?networkIds=${evil.id}`, { cookie: cast.commissioner.cookie });
    expect(res.status).toBe(200);
    const rows: string[][] = parse(res.text, { bom: true });
    expect(rows[1]?.[0]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[1]?.[2]).toBe("'+SUM(A1)");
  });

  it("quotes every field, neutralises a formula after a semicolon, and keeps figures as numbers", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const evil = makeNetwork(t, { name: "Org;=1+2" });
    makeGrant(t, evil.id, cast.commissioner.user.id, "commissioner");
    makeClosedRound(
      t,
      evil.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
      { title: "Spring\t-1" },
    );
    const res = await getPage(t, `/compare.csv?networkIds=${evil.id}`, { cookie: cast.commissioner.cookie });
    const lines = res.text.split("\r\n");
    expect(lines[0]).toBe(HEADER.map((h) => `"${h}"`).join(","));
    const row = lines[1] ?? "";
    expect(row.startsWith(`"Org;'=1+2","developing","Spring\t'-1","`)).toBe(true);
    // Every field quoted: one more quote pair than separators, nothing outside quotes.
    expect(row).toMatch(/^"[^"]*"(,"[^"]*")*$/);
    const cells: string[] = parse(res.text, { bom: true })[1] ?? [];
    expect(cells.slice(4, 8)).toEqual(["5", "", "no", expect.stringMatching(/^\d+(\.\d+)?$/)]);
    expect(cells.slice(8, 13).every((c) => /^\d+(\.\d+)?$/.test(c))).toBe(true);
  });

  it("needs at least one network", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const res = await getPage(t, "/compare.csv", { cookie: cast.commissioner.cookie });
    expect(res.status).toBe(400);
    expect(res.text).toContain("networkIds: choose at least one network");
  });
});
