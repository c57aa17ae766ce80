// Closing a round with the connections module freezes its map (from storage) and its change since
// the network's previous closed round with a shown map; other rounds store nothing.
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MAP_FORMAT } from "../../../src/connections/freeze-map";
import { frozenNetworkMap, type StoredNetworkMap } from "../../../src/connections/frozen-map";
import type { NetworkMap } from "../../../src/connections/map-metrics";
import { mapPositions } from "../../../src/connections/map-positions";
import { refreezeOldMaps } from "../../../src/connections/refreeze";
import type { ConnectionRecord, MapOrganisation } from "../../../src/connections/types";
import { reportCache, roundNetworkMaps } from "../../../src/db/schema";
import { createTestApp } from "../../support/app";
import { makeClosedMapRound } from "../../support/connections";
import { makeNetwork } from "../../support/factories";
import { makeClosedRound, uniformResponse } from "../../support/responses";

type Case = { name: string; input: { organisations: MapOrganisation[]; k: number; records: ConnectionRecord[] }; expected: unknown };
const hand = (
  JSON.parse(readFileSync(new URL("../../fixtures/network-map-reference.json", import.meta.url), "utf8")) as { cases: Case[] }
).cases.find((c) => c.name === "hand-5-orgs") as Case;

const orgs: MapOrganisation[] = ["Ash", "Beech", "Cedar", "Damson", "Elm"].map((name, i) => ({ id: `o${i}`, name, type: "hospital" }));
const rec = (org: string, links: ConnectionRecord["links"]): ConnectionRecord => ({ org, links });
// Ties Ash–Beech, Ash–Cedar, Ash–Damson (density 3/6 = 0.5); Ash receives trust 2, 3, 4 (mean 3)
// and value 3, 2, 4 (mean 3); Beech's single rating is not shown.
const first = {
  organisations: orgs.slice(0, 4),
  records: [
    rec("o0", [{ org: "o1", level: 3, trust: 4, value: 4 }]),
    rec("o1", [{ org: "o0", level: 3, trust: 2, value: 3 }]),
    rec("o2", [{ org: "o0", level: 2, trust: 3, value: 2 }]),
    rec("o3", [{ org: "o0", level: 2, trust: 4, value: 4 }]),
  ],
};
// Elm joins. Ash–Beech drops to "aware" (lost); Beech–Cedar and Beech–Damson are new (gained);
// Elm's ties are not "gained": Elm was not asked about before. Ties 6 of 10: density 0.6 (+0.1).
// Ash receives trust 4, 4, 4 (mean 4: +1) and value 4, 3, 4 (mean 3.67: +0.67).
const second = {
  organisations: orgs,
  records: [
    rec("o0", [{ org: "o1", level: 1 }]),
    rec("o1", [
      { org: "o2", level: 3, trust: 4, value: 4 },
      { org: "o3", level: 2 },
    ]),
    rec("o2", [
      { org: "o0", level: 2, trust: 4, value: 4 },
      { org: "o1", level: 3, trust: 3, value: 3 },
    ]),
    rec("o2", [{ org: "o0", level: 3, trust: 4, value: 3 }]),
    rec("o3", [{ org: "o0", level: 2, trust: 4, value: 4 }]),
    rec("o4", [
      { org: "o0", level: 2 },
      { org: "o1", level: 2 },
    ]),
  ],
};
/** The hand case's frozen map: the fixture's figures and the layout's positions of them. */
const handFrozen = () => ({
  organisations: hand.input.organisations,
  map: hand.expected,
  positions: mapPositions(hand.input.organisations, hand.expected as NetworkMap),
  change: null,
});

const expectedChange = (previousRoundId: string) => ({
  previousRoundId,
  tiesGained: [
    { a: "o1", b: "o2" },
    { a: "o1", b: "o3" },
  ],
  tiesLost: [{ a: "o0", b: "o1" }],
  density: { previous: 0.5, delta: 0.1 },
  trust: { previous: 3, delta: 1 },
  value: { previous: 3, delta: 0.67 },
});

describe("freezing the network map when a round closes", () => {
  it("stores the map computed from the round's stored answers, with no change for a first round", () => {
    const { deps, db } = createTestApp();
    const network = makeNetwork(deps);
    const round = makeClosedMapRound(deps, network.id, hand.input, { minResponses: hand.input.k });
    expect(frozenNetworkMap(db, round.id)).toEqual(handFrozen());
    // One position per organisation, in name order, inside the drawing.
    expect(frozenNetworkMap(db, round.id)?.positions.map((p) => p.id)).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("stores nothing for a round without the module", () => {
    const { deps, db } = createTestApp();
    const round = makeClosedRound(
      deps,
      makeNetwork(deps).id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
    );
    expect(db.select().from(roundNetworkMaps).where(eq(roundNetworkMaps.roundId, round.id)).all()).toEqual([]);
  });

  it("stores a suppressed map with nothing derived when too few records name an organisation", () => {
    const { deps, db } = createTestApp();
    const round = makeClosedMapRound(deps, makeNetwork(deps).id, { ...first, responses: 5 }, { minResponses: 5 });
    expect(frozenNetworkMap(db, round.id)).toEqual({
      organisations: first.organisations,
      map: { connectionRecords: 4, suppressed: true },
      positions: [],
      change: null,
    });
  });

  it("works out ties gained and lost, density, trust and value change against the previous round with the module", () => {
    const { deps, db, clock } = createTestApp();
    const network = makeNetwork(deps);
    const before = makeClosedMapRound(deps, network.id, first, { minResponses: 3 });
    clock.advance(86_400_000);
    // A round without the module in between is not "the previous round" of a map.
    makeClosedRound(
      deps,
      network.id,
      Array.from({ length: 3 }, () => uniformResponse(3)),
      { minResponses: 3 },
    );
    clock.advance(86_400_000);
    // Nor is a round whose map was suppressed.
    makeClosedMapRound(deps, network.id, { ...first, records: first.records.slice(0, 2), responses: 3 }, { minResponses: 3 });
    clock.advance(86_400_000);
    const after = makeClosedMapRound(deps, network.id, second, { minResponses: 3 });
    expect(frozenNetworkMap(db, after.id)?.change).toEqual(expectedChange(before.id));
  });

  it("works out a later round's change again when an earlier round closes late", () => {
    const { deps, db, clock } = createTestApp();
    const network = makeNetwork(deps);
    const closedLate = clock.now();
    clock.advance(86_400_000);
    const after = makeClosedMapRound(deps, network.id, second, { minResponses: 3 });
    expect(frozenNetworkMap(db, after.id)?.change).toBeNull();
    const before = makeClosedMapRound(deps, network.id, first, { minResponses: 3, closedAt: closedLate });
    expect(frozenNetworkMap(db, after.id)?.change).toEqual(expectedChange(before.id));
  });
});

describe("maps frozen under older rules", () => {
  it("are worked out again from the stored answers at start-up, once, and cached PDFs made afresh", () => {
    const { deps, db } = createTestApp();
    const round = makeClosedMapRound(deps, makeNetwork(deps).id, hand.input, { minResponses: hand.input.k });
    // As a map frozen before today's rules would be: other figures, no positions, an older format.
    const old = { organisations: hand.input.organisations, map: { connectionRecords: 1, suppressed: true } };
    db.update(roundNetworkMaps)
      .set({ map: old as unknown as StoredNetworkMap, format: 1 })
      .where(eq(roundNetworkMaps.roundId, round.id))
      .run();
    db.insert(reportCache)
      .values({ roundId: round.id, lang: "en", key: "old", pdf: Buffer.from("%PDF"), createdAt: deps.clock.now() })
      .run();
    expect(refreezeOldMaps(deps)).toBe(1);
    expect(db.select().from(reportCache).all()).toEqual([]);
    expect(frozenNetworkMap(db, round.id)).toEqual(handFrozen());
    expect(db.select({ format: roundNetworkMaps.format }).from(roundNetworkMaps).get()?.format).toBe(MAP_FORMAT);
    expect(refreezeOldMaps(deps)).toBe(0);
  });
});
