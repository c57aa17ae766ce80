// Five networks whose latest rounds asked the network map, the maturity matrix, or neither: the
// heatmap's added columns with hand-computed values.
import { readFileSync } from "node:fs";
import type { ConnectionRecord, MapOrganisation } from "../../../src/connections/types";
import type { MaturityResponse } from "../../../src/maturity/scoring";
import type { TestApp } from "../../support/app";
import { makeClosedMapRound } from "../../support/connections";
import { makeGrant, makeNetwork, makeUser, sessionFor } from "../../support/factories";
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
export function columnsFixture(t: TestApp) {
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
