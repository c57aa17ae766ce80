// Commissioners compare where members put each network now: the current median per maturity
// dimension (null when not shown), as the round's results give it, in the API and on the page.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeCast, makeGrant, makeNetwork } from "../support/factories";
import { call, getPage } from "../support/http";
import { closedMaturityRound } from "../support/maturity";
import { makeClosedRound, uniformResponse } from "../support/responses";

describe("the maturity matrix in comparisons", () => {
  it("gives each round's current median per dimension, null when not shown or without the matrix", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const other = makeNetwork(t, { name: "Other Network" });
    makeGrant(t, other.id, cast.commissioner.user.id, "commissioner");
    // Governance now 1, 2, 2, 3, 4: lower median 2. Purpose now marked by 4 of 5: under the threshold.
    const now = [1, 2, 2, 3, 4] as const;
    const round = closedMaturityRound(
      t,
      cast.network.id,
      now.map((current, i) => ({ governance: { current, target: 4 as const }, purpose: { current: i < 4 ? 3 : null, target: null } })),
      { round: { title: "With the matrix", minResponses: 5 } },
    );
    makeClosedRound(
      t,
      other.id,
      Array.from({ length: 5 }, () => uniformResponse(4)),
      { title: "Without" },
    );
    const cookie = cast.commissioner.cookie;
    const res = await call(t, "GET", `/api/v1/compare?networkIds=${cast.network.id},${other.id}`, undefined, { cookie });
    expect(res.status).toBe(200);
    const [withMatrix, without] = res.json.networks.map((n: { rounds: Array<{ maturity: unknown }> }) => n.rounds[0]?.maturity);
    expect(withMatrix).toEqual({
      purpose: null,
      relationships: null,
      communication: null,
      governance: 2,
      value: null,
      membership: null,
      leadership: null,
      learning: null,
    });
    expect(without).toBeNull();
    // The same as the results' own medians.
    const results = await call(t, "GET", `/api/v1/rounds/${round.id}/results`, undefined, { cookie });
    expect(results.json.maturity.dimensions.find((d: { code: string }) => d.code === "governance").current.median).toBe(2);

    const page = await getPage(t, `/compare?networkIds=${cast.network.id},${other.id}`, { cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h2 id="maturity-title">Maturity now</h2>');
    const table = page.text.slice(page.text.indexOf('id="maturity-title"'));
    expect(table).toContain("<td>2 Developing</td>");
    expect(table).toContain("<td>too few answers</td>");
    expect(table).not.toContain("Other Network");

    // The CSV: one column per dimension, the median where shown, empty otherwise and without the matrix.
    const csv = await getPage(t, `/compare.csv?networkIds=${cast.network.id},${other.id}`, { cookie });
    const rows: string[][] = parse(csv.text, { bom: true });
    const at = rows[0]?.indexOf("maturity now purpose") ?? -1;
    expect(rows[0]?.slice(at, at + 8)).toEqual([
      "maturity now purpose",
      "maturity now relationships",
      "maturity now communication",
      "maturity now governance",
      "maturity now value",
      "maturity now membership",
      "maturity now leadership",
      "maturity now learning",
    ]);
    expect(rows.slice(1).map((row) => [row[0], ...row.slice(at, at + 8)])).toEqual([
      [cast.network.name, "", "", "", "2", "", "", "", ""],
      ["Other Network", "", "", "", "", "", "", "", ""],
    ]);
  });

  it("leaves the page's maturity table out when no compared round has the matrix", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(4)),
    );
    const page = await getPage(t, `/compare?networkIds=${cast.network.id}`, { cookie: cast.commissioner.cookie });
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("maturity-title");
  });
});
