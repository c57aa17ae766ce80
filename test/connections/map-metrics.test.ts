import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ConnectionRecord, type MapOrganisation, networkMap } from "../../src/connections/map-metrics";

type Case = {
  name: string;
  input: { organisations: MapOrganisation[]; k: number; records: ConnectionRecord[] };
  expected: Record<string, unknown>;
};

// Expected figures computed independently (networkx and plain Python) from the rules in the
// connections issue; the fixture is a copy, so the tests never read outside the project.
const reference = JSON.parse(readFileSync(new URL("../fixtures/network-map-reference.json", import.meta.url), "utf8")) as {
  cases: Case[];
};

describe("networkMap agrees with the reference cases", () => {
  for (const { name, input, expected } of reference.cases) {
    it(name, () => {
      const map = networkMap({ organisations: input.organisations, records: input.records, minResponses: input.k });
      expect(map).toEqual(expected);
    });
  }
});

describe("networkMap at its boundaries", () => {
  const organisations: MapOrganisation[] = ["Ash", "Beech", "Cedar"].map((name, i) => ({ id: `o${i}`, name, type: "hospital" }));
  const record = (org: string | null, links: ConnectionRecord["links"] = []): ConnectionRecord => ({ org, links });

  it("is suppressed one record below the threshold and shown at it; records naming no organisation do not count", () => {
    const records = [record("o0"), record("o1"), record(null), record(null)];
    expect(networkMap({ organisations, records, minResponses: 3 })).toEqual({ connectionRecords: 2, suppressed: true });
    const shown = networkMap({ organisations, records: [...records, record("o2")], minResponses: 3 });
    expect(shown.suppressed).toBe(false);
  });

  it("shows an organisation's trust only from the threshold of ratings, and the network's figure only from shown organisations", () => {
    const rate = (trust: 1 | 2 | 3 | 4) => record("o0", [{ org: "o1", level: 2, trust }]);
    const below = networkMap({ organisations, records: [rate(4), rate(4), record("o2")], minResponses: 3 });
    if (below.suppressed) throw new Error("expected a map");
    expect(below.organisations.find((org) => org.id === "o1")?.trust).toEqual({ n: 2, mean: null, score: null, shown: false });
    expect(below.metrics.trust).toEqual({ organisations: 0, mean: null, score: null, shown: false });

    const at = networkMap({ organisations, records: [rate(4), rate(4), rate(1)], minResponses: 3 });
    if (at.suppressed) throw new Error("expected a map");
    expect(at.organisations.find((org) => org.id === "o1")?.trust).toEqual({ n: 3, mean: 3, score: 66.7, shown: true });
    expect(at.metrics.trust).toEqual({ organisations: 1, mean: 3, score: 66.7, shown: true });
  });

  it("counts an 'aware' report as no tie, and a rating given at level 1 not at all", () => {
    const records = [record("o0", [{ org: "o1", level: 1, trust: 4 }]), record("o1"), record("o2")];
    const map = networkMap({ organisations, records, minResponses: 3 });
    if (map.suppressed) throw new Error("expected a map");
    expect(map.ties).toEqual([]);
    expect(map.metrics.isolates).toEqual(["o0", "o1", "o2"]);
    expect(map.organisations.find((org) => org.id === "o1")?.trust.n).toBe(0);
  });
});
