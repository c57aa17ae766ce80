import { closeRound } from "../../../src/rounds/lifecycle";
import type { TestApp } from "../../support/app";
import { makeGrant, makeInvitation, makeNetwork, makeRound, makeUser, sessionFor } from "../../support/factories";
import { insertResponses, uniformResponse } from "../../support/responses";

type Answer = 1 | 2 | 3 | 4 | 5;

/** A round closed at `at` whose respondents each answer every statement with one value (score (v − 1) × 25). */
export function roundOf(t: TestApp, networkId: string, at: string, values: Answer[], invited = 0, title = `Round ${at.slice(0, 7)}`) {
  t.clock.set(at);
  const round = makeRound(t, networkId, { status: "open", openedAt: t.clock.now(), title });
  for (let i = 0; i < invited; i++) makeInvitation(t, round.id);
  insertResponses(
    t,
    round.id,
    values.map((v) => uniformResponse(v)),
  );
  return closeRound(t, round);
}

/**
 * A commissioner's five networks, every figure of a round equal to its temperature (hand-computed):
 * - Alder (established): 40.0 in Sept 2025 ([25, 25, 50, 50, 50]), then 85.0 in March 2026
 *   ([75, 75, 75, 100, 100]): a notable rise of 45.0;
 * - Birch (forming): 70.0 ([75, 75, 75, 75, 50]), 5 of 8 invited (62.5 %): strong, low confidence;
 * - Cedar (developing): 50.0 (six times 50): mixed;
 * - Dogwood (established): 75.0 in Dec 2025, then a round of 3 (too few answers) in March 2026;
 * - Elm (renewing): no closed round.
 * Portfolio average: (85 + 70 + 50 + 75) / 4 = 70.0 of 4 networks.
 */
export function heatmapFixture(t: TestApp) {
  const make = (name: string, stage: "forming" | "developing" | "established" | "renewing") => makeNetwork(t, { name, stage });
  const alder = make("Alder Network", "established");
  const birch = make("Birch Partnership", "forming");
  const cedar = make("Cedar Collaborative", "developing");
  const dogwood = make("Dogwood Alliance", "established");
  const elm = make("Elm Network", "renewing");
  const hidden = make("Hidden Network", "established");
  roundOf(t, alder.id, "2025-09-01T12:00:00Z", [2, 2, 3, 3, 3]);
  roundOf(t, alder.id, "2026-03-01T12:00:00Z", [4, 4, 4, 5, 5]);
  roundOf(t, birch.id, "2026-02-01T12:00:00Z", [4, 4, 4, 4, 3], 8);
  roundOf(t, cedar.id, "2026-01-10T12:00:00Z", [3, 3, 3, 3, 3, 3]);
  roundOf(t, dogwood.id, "2025-12-01T12:00:00Z", [4, 4, 4, 4, 4]);
  roundOf(t, dogwood.id, "2026-03-10T12:00:00Z", [4, 4, 4]);
  roundOf(t, hidden.id, "2026-03-01T12:00:00Z", [1, 1, 1, 1, 1]);
  t.clock.set("2026-04-01T09:00:00Z");
  const commissioner = makeUser(t, { role: "commissioner", name: "Carol Commissioner" });
  for (const n of [alder, birch, cedar, dogwood, elm]) makeGrant(t, n.id, commissioner.id, "commissioner");
  return {
    networks: { alder, birch, cedar, dogwood, elm, hidden },
    commissioner: { user: commissioner, cookie: sessionFor(t, commissioner.id) },
  };
}
