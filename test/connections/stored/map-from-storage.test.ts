// The map computed from what storage keeps (records, levels and ratings in three unlinked tables)
// must be the map of the reference: every fixture case written as table rows, then compared.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mapFromReports } from "../../../src/connections/map-metrics";
import { loadMapReports } from "../../../src/connections/queries";
import type { ConnectionRecord, MapOrganisation } from "../../../src/connections/types";
import { createTestApp } from "../../support/app";
import { addRoundOrganisations, insertConnections } from "../../support/connections";
import { makeNetwork, makeRound } from "../../support/factories";

type Case = {
  name: string;
  input: { organisations: MapOrganisation[]; k: number; records: ConnectionRecord[] };
  expected: Record<string, unknown>;
};
const reference = JSON.parse(readFileSync(new URL("../../fixtures/network-map-reference.json", import.meta.url), "utf8")) as {
  cases: Case[];
};

/** A round of a fresh database holding `records` as the batch writer stores them; its map from storage. */
function storedMap(organisations: MapOrganisation[], records: ConnectionRecord[], minResponses: number) {
  const { deps } = createTestApp();
  const network = makeNetwork(deps);
  const round = makeRound(deps, network.id, { status: "closed", minResponses });
  addRoundOrganisations(deps, network.id, round.id, organisations);
  insertConnections(deps, round.id, records);
  return mapFromReports(loadMapReports(deps.db, round));
}

describe("the map from storage agrees with the reference cases", () => {
  for (const { name, input, expected } of reference.cases) {
    it(name, () => {
      expect(storedMap(input.organisations, input.records, input.k)).toEqual(expected);
    });
  }
});

describe("the map from storage at its boundaries", () => {
  const organisations: MapOrganisation[] = ["Ash", "Beech", "Cedar", "Damson"].map((name, i) => ({
    id: `org-${i}`,
    name,
    type: i % 2 ? "hospital" : "community",
  }));
  const record = (org: string | null, links: ConnectionRecord["links"] = []): ConnectionRecord => ({ org, links });

  it("is suppressed at minResponses − 1 records naming an organisation, and shown at minResponses", () => {
    const four = [record("org-0"), record("org-1"), record("org-2"), record("org-3")];
    // Records that name no organisation ("not listed", "prefer not to say") never count.
    const below = storedMap(organisations, [...four, record(null), record(null)], 5);
    expect(below).toEqual({ connectionRecords: 4, suppressed: true });
    const at = storedMap(organisations, [...four, record("org-0")], 5);
    expect(at).toMatchObject({ connectionRecords: 5, suppressed: false, organisationsInRound: 4 });
  });

  it("shows an organisation's trust and value from minResponses ratings, and the network's only over shown organisations", () => {
    const rate = (from: string, to: string, trust: 1 | 2 | 3 | 4, value: 1 | 2 | 3 | 4) =>
      record(from, [{ org: to, level: 2, trust, value }]);
    // Beech (org-1) gets 3 ratings (the threshold), Cedar (org-2) gets 2 (threshold − 1).
    const records = [
      rate("org-0", "org-1", 4, 4),
      rate("org-0", "org-1", 3, 4),
      rate("org-3", "org-1", 2, 1),
      rate("org-0", "org-2", 1, 1),
      rate("org-3", "org-2", 1, 2),
    ];
    const map = storedMap(organisations, records, 3);
    if (map.suppressed) throw new Error("expected a map");
    const of = (id: string) => map.organisations.find((org) => org.id === id);
    expect(of("org-1")?.trust).toEqual({ n: 3, mean: 3, score: 66.7, shown: true });
    expect(of("org-1")?.value).toEqual({ n: 3, mean: 3, score: 66.7, shown: true });
    expect(of("org-2")?.trust).toEqual({ n: 2, mean: null, score: null, shown: false });
    // The remainder rule: Cedar's two hidden ratings must not move the network's figure, so that
    // nobody can subtract Beech's mean from it to recover them.
    expect(map.metrics.trust).toEqual({ organisations: 1, mean: 3, score: 66.7, shown: true });
    expect(map.metrics.value).toEqual({ organisations: 1, mean: 3, score: 66.7, shown: true });
  });

  it("shows no network trust when no organisation has minResponses ratings", () => {
    const records = [
      record("org-0", [{ org: "org-1", level: 3, trust: 4, value: 4 }]),
      record("org-2", [{ org: "org-1", level: 2, trust: 4, value: 4 }]),
      record("org-3"),
    ];
    const map = storedMap(organisations, records, 3);
    if (map.suppressed) throw new Error("expected a map");
    expect(map.organisations.find((org) => org.id === "org-1")?.trust).toEqual({ n: 2, mean: null, score: null, shown: false });
    expect(map.metrics.trust).toEqual({ organisations: 0, mean: null, score: null, shown: false });
  });
});
