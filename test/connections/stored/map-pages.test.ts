// The network map on the facilitator's page of its own (with respondents per organisation) and on
// the members' mirror (without them); linked from the round page.
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ConnectionRecord, MapOrganisation } from "../../../src/connections/types";
import { rounds } from "../../../src/db/schema";
import { createTestApp } from "../../support/app";
import { makeClosedMapRound } from "../../support/connections";
import { makeCast, makeRound } from "../../support/factories";
import { getPage } from "../../support/http";
import { makeClosedRound, uniformResponse } from "../../support/responses";

type Case = { name: string; input: { organisations: MapOrganisation[]; k: number; records: ConnectionRecord[] } };
const hand = (
  JSON.parse(readFileSync(new URL("../../fixtures/network-map-reference.json", import.meta.url), "utf8")) as { cases: Case[] }
).cases.find((c) => c.name === "hand-5-orgs") as Case;

const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

function setUp() {
  const t = createTestApp();
  const cast = makeCast(t);
  const round = makeClosedMapRound(t, cast.network.id, hand.input, { minResponses: hand.input.k });
  return { t, cast, round };
}

describe("the facilitator's network map page", () => {
  it("shows the map with how many members named each organisation, in the round's language or the one asked for", async () => {
    const { t, cast, round } = setUp();
    const res = await getPage(t, `/rounds/${round.id}/network-map`, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(res.text).toContain('class="network-map" role="img"');
    expect(text).toContain("Members who named it");
    // Alder Hospital: 2 respondents, 2 partnerships, trust 2.33 and value 2.67 (3 ratings each).
    expect(text).toContain("Alder Hospital Hospital 2 2 2.33 2.67");
    expect(text).toContain("Questions for the meeting");
    const nl = textOf((await getPage(t, `/rounds/${round.id}/network-map?lang=nl`, { cookie: cast.facilitator.cookie })).text);
    expect(nl).toContain("Leden die haar noemden");
    expect(nl).toContain("Alder Hospital Ziekenhuis 2 2 2,33 2,67");
  });

  it("is for those who manage the network: 403 for commissioners, 404 for strangers, sign-in first for nobody", async () => {
    const { t, cast, round } = setUp();
    const path = `/rounds/${round.id}/network-map`;
    expect((await getPage(t, path, { cookie: cast.commissioner.cookie })).status).toBe(403);
    const stranger = await getPage(t, path, { cookie: cast.otherFacilitator.cookie });
    expect(stranger.status).toBe(404);
    expect(stranger.text).not.toContain("Alder Hospital");
    const anonymous = await getPage(t, path);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toContain("/login");
  });

  it("answers 409 while the round is open and 404 for a round without the module", async () => {
    const { t, cast } = setUp();
    const open = makeRound(t, cast.network.id, { status: "open", modules: ["connections"] });
    expect((await getPage(t, `/rounds/${open.id}/network-map`, { cookie: cast.facilitator.cookie })).status).toBe(409);
    const plain = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
    );
    expect((await getPage(t, `/rounds/${plain.id}/network-map`, { cookie: cast.facilitator.cookie })).status).toBe(404);
  });

  it("is linked from the round page for facilitators, not for commissioners", async () => {
    const { t, cast, round } = setUp();
    const link = `href="/rounds/${round.id}/network-map"`;
    expect((await getPage(t, `/rounds/${round.id}`, { cookie: cast.facilitator.cookie })).text).toContain(link);
    expect((await getPage(t, `/rounds/${round.id}`, { cookie: cast.commissioner.cookie })).text).not.toContain(link);
    const plain = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
    );
    expect((await getPage(t, `/rounds/${plain.id}`, { cookie: cast.facilitator.cookie })).text).not.toContain("/network-map");
  });
});

describe("the network map on the members' mirror", () => {
  it("shows the map and its findings, never how many members answered for an organisation", async () => {
    const { t, round } = setUp();
    t.db.update(rounds).set({ mirrorSlug: "published-slug-for-the-map" }).where(eq(rounds.id, round.id)).run();
    const res = await getPage(t, "/m/published-slug-for-the-map");
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(res.text).toContain('class="network-map" role="img"');
    expect(text).toContain("4 in 10 possible partnerships are active (4 of 10).");
    expect(text).toContain("Alder Hospital Hospital 2 2.33 2.67");
    expect(text).not.toContain("Members who named it");
    const nl = textOf((await getPage(t, "/m/published-slug-for-the-map?lang=nl")).text);
    expect(nl).toContain("Verbindingen");
    expect(nl).toContain("Alder Hospital Ziekenhuis 2 2,33 2,67");
  });
});
