// GET /api/v1/rounds/:id/network-map: facilitators see everything, commissioners the metrics only;
// 409 while open, 404 without the module, nothing derived when suppressed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ConnectionRecord, MapOrganisation } from "../../../src/connections/types";
import { createTestApp } from "../../support/app";
import { makeClosedMapRound } from "../../support/connections";
import { makeCast, makeRound } from "../../support/factories";
import { call } from "../../support/http";
import { makeClosedRound, uniformResponse } from "../../support/responses";

type Expected = {
  connectionRecords: number;
  organisations: Array<{ id: string }>;
  ties: unknown;
  metrics: unknown;
  perceptionGaps: unknown;
  suggestions: unknown;
};
type Case = { name: string; input: { organisations: MapOrganisation[]; k: number; records: ConnectionRecord[] }; expected: Expected };
const hand = (
  JSON.parse(readFileSync(new URL("../../fixtures/network-map-reference.json", import.meta.url), "utf8")) as { cases: Case[] }
).cases.find((c) => c.name === "hand-5-orgs") as Case;

function setUp() {
  const t = createTestApp();
  const cast = makeCast(t);
  const round = makeClosedMapRound(t, cast.network.id, hand.input, { minResponses: hand.input.k });
  const get = (cookie: string, id = round.id) => call(t, "GET", `/api/v1/rounds/${id}/network-map`, undefined, { cookie });
  return { t, cast, round, get };
}

describe("GET /api/v1/rounds/:id/network-map", () => {
  it("gives facilitators the whole map, organisations named and counted, as the reference computes it", async () => {
    const { cast, round, get } = setUp();
    const res = await get(cast.facilitator.cookie);
    expect(res.status).toBe(200);
    const { organisations, ...rest } = hand.expected;
    expect(res.json).toEqual({
      round: { id: round.id, title: round.title },
      suppressed: false,
      connectionRecords: hand.expected.connectionRecords,
      minResponses: 3,
      organisations: organisations.map((org) => ({
        ...org,
        name: hand.input.organisations.find((o) => o.id === org.id)?.name,
        type: hand.input.organisations.find((o) => o.id === org.id)?.type,
      })),
      ties: rest.ties,
      metrics: rest.metrics,
      perceptionGaps: rest.perceptionGaps,
      suggestions: rest.suggestions,
      change: null,
    });
  });

  it("gives commissioners the metrics and nothing else: no organisation, tie or respondent count", async () => {
    const { cast, round, get } = setUp();
    const res = await get(cast.commissioner.cookie);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ round: { id: round.id, title: round.title }, suppressed: false, metrics: hand.expected.metrics });
  });

  it("gives nothing derived for a suppressed map, to facilitators or commissioners", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    // Six responses (the round is shown) of which five answered the connections page: the map alone is hidden.
    const round = makeClosedMapRound(t, cast.network.id, { ...hand.input, responses: 6 }, { minResponses: 6 });
    const head = { round: { id: round.id, title: round.title }, suppressed: true };
    const asFacilitator = await call(t, "GET", `/api/v1/rounds/${round.id}/network-map`, undefined, { cookie: cast.facilitator.cookie });
    expect(asFacilitator.json).toEqual({ ...head, connectionRecords: 5, minResponses: 6 });
    const asCommissioner = await call(t, "GET", `/api/v1/rounds/${round.id}/network-map`, undefined, { cookie: cast.commissioner.cookie });
    expect(asCommissioner.json).toEqual(head);
  });

  it("keeps no connections answers of a round that closed below its threshold, and says so", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeClosedMapRound(t, cast.network.id, { ...hand.input, responses: 5 }, { minResponses: 6 });
    const res = await call(t, "GET", `/api/v1/rounds/${round.id}/network-map`, undefined, { cookie: cast.facilitator.cookie });
    expect(res.json).toEqual({ round: { id: round.id, title: round.title }, suppressed: true, connectionRecords: 0, minResponses: 6 });
    for (const table of ["connection_records", "connection_levels", "connection_ratings"]) {
      expect(t.db.$client.prepare(`select count(*) from ${table} where round_id = ?`).pluck().get(round.id), table).toBe(0);
    }
  });

  it("answers 409 while the round is open, 404 for a round without the module", async () => {
    const { t, cast, get } = setUp();
    const open = makeRound(t, cast.network.id, { status: "open", modules: ["connections"] });
    const openRes = await get(cast.facilitator.cookie, open.id);
    expect(openRes.status).toBe(409);
    expect(openRes.json.error.code).toBe("not_ready");
    const plain = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
    );
    const plainRes = await get(cast.facilitator.cookie, plain.id);
    expect(plainRes.status).toBe(404);
    expect(plainRes.json.error).toMatchObject({ code: "not_found", message: "This round has no network map" });
  });

  it("answers 404 to those who may not see the network, naming nothing of it, and 400 for a malformed id", async () => {
    const { cast, get } = setUp();
    const res = await get(cast.otherFacilitator.cookie);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain("Alder Hospital");
    const bad = await get(cast.facilitator.cookie, "x".repeat(65));
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].field).toBe("id");
  });
});
