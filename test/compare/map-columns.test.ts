// Commissioners' comparison gains the network map's density, trust and value: null when the map
// is suppressed, and no map figures at all for a round without the connections module.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ConnectionRecord, MapOrganisation } from "../../src/connections/types";
import { createTestApp } from "../support/app";
import { makeClosedMapRound } from "../support/connections";
import { makeCast, sessionFor } from "../support/factories";
import { call, getPage } from "../support/http";
import { makeClosedRound, uniformResponse } from "../support/responses";

type Case = { name: string; input: { organisations: MapOrganisation[]; k: number; records: ConnectionRecord[] } };
const hand = (
  JSON.parse(readFileSync(new URL("../fixtures/network-map-reference.json", import.meta.url), "utf8")) as { cases: Case[] }
).cases.find((c) => c.name === "hand-5-orgs") as Case;

describe("the comparison's network map columns", () => {
  it("gives density, trust and value of a shown map, nulls for a suppressed one, none without the module (JSON and CSV)", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const DAY = 86_400_000;
    makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
      { minResponses: 3 },
    );
    t.clock.advance(DAY);
    // Five records naming an organisation, threshold 6: the map is suppressed, the results are not.
    makeClosedMapRound(t, cast.network.id, { ...hand.input, responses: 6 }, { minResponses: 6 });
    t.clock.advance(DAY);
    // The hand-computed case: density 4/10, network trust 3.04 and value 3.08 (out of 4).
    makeClosedMapRound(t, cast.network.id, hand.input, { minResponses: 3 });

    // Signed in now: the clock moved on past the first session.
    const cookie = sessionFor(t, cast.commissioner.user.id);
    const res = await call(t, "GET", `/api/v1/compare?networkIds=${cast.network.id}`, undefined, { cookie });
    expect(res.status).toBe(200);
    expect(res.json.networks[0].rounds.map((r: { map?: unknown }) => ("map" in r ? r.map : "no map"))).toEqual([
      "no map",
      { density: null, trust: null, value: null },
      { density: 0.4, trust: 3.04, value: 3.08 },
    ]);

    const csv = await getPage(t, `/compare.csv?networkIds=${cast.network.id}`, { cookie });
    const rows: string[][] = parse(csv.text, { bom: true });
    expect(rows[0]?.slice(-3)).toEqual(["map density", "map trust", "map value"]);
    expect(rows.slice(1).map((row) => row.slice(-3))).toEqual([
      ["", "", ""],
      ["", "", ""],
      ["0.4", "3.04", "3.08"],
    ]);

    // The page: beside the figures, a table of every round's map ("not asked" without the module).
    const page = await getPage(t, `/compare?networkIds=${cast.network.id}`, { cookie });
    expect(page.status).toBe(200);
    const section = page.text.slice(page.text.indexOf('id="map-title"'));
    const cells = [...section.matchAll(/<tr>\s*<th scope="row">[^<]*<\/th>((?:\s*<td[^>]*>[^<]*<\/td>)+)/g)].map((m) =>
      [...(m[1] ?? "").matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]).slice(2),
    );
    expect(cells).toEqual([
      ["not asked", "not asked", "not asked"],
      ["too few answers", "too few answers", "too few answers"],
      ["4 in 10", "3.04", "3.08"],
    ]);
  });

  it("leaves the page's network map table out when no compared round asked the module", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(4)),
    );
    const page = await getPage(t, `/compare?networkIds=${cast.network.id}`, { cookie: cast.commissioner.cookie });
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("map-title");
  });
});
