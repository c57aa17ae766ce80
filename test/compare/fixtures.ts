import { roundResults } from "../../src/db/schema";
import type { AnswerValue } from "../../src/results/scoring";
import { closeRound } from "../../src/rounds/lifecycle";
import type { TestApp } from "../support/app";
import { makeGrant, makeInvitation, makeNetwork, makeRound, makeUser, sessionFor } from "../support/factories";
import { insertResponses, type StoredResponse } from "../support/responses";

const THEMES = ["purpose", "relationships", "communication", "governance", "value"];

/**
 * A response written compactly: five groups of five answers, theme by theme, each 1–5 or x for
 * "don't know". @example themed("45321 55443 33333 21x12 54545", 7)
 */
export function themed(pattern: string, overall?: number): StoredResponse {
  const groups = pattern.split(" ");
  const answers: Record<string, AnswerValue> = {};
  THEMES.forEach((theme, t) => {
    [...(groups[t] ?? "")].forEach((ch, i) => {
      answers[`${theme}.${i + 1}`] = ch === "x" ? "dont_know" : (Number(ch) as AnswerValue);
    });
  });
  return { answers, overall: overall ?? null };
}

/** A round that opened, sent `invited` links, received `list` and closed at `at`. */
export function closedRoundAt(
  t: TestApp,
  networkId: string,
  at: string,
  list: StoredResponse[],
  options: { invited?: number; title?: string; minResponses?: number; access?: "invite" | "open" } = {},
) {
  t.clock.set(at);
  const round = makeRound(t, networkId, {
    status: "open",
    openedAt: t.clock.now(),
    title: options.title,
    minResponses: options.minResponses,
    access: options.access,
  });
  for (let i = 0; i < (options.invited ?? 0); i++) makeInvitation(t, round.id);
  insertResponses(t, round.id, list);
  return closeRound(t, round);
}

const A = "45443 54454 44344 34x43 55454";
const B = "23322 33423 2x232 22212 33323";
const C = "55555 45545 55455 44454 55555";
const D = "33433 x3333 34333 32323 43433";

/**
 * Three networks with varied hand-picked answers: North (three closed rounds, the middle one below
 * the threshold, plus an open round), South (two rounds made newest first), and East (an
 * open-access round, plus a round on another instrument version that comparisons leave out).
 */
export function portfolioFixture(t: TestApp) {
  const north = makeNetwork(t, { name: "North Valley Network", stage: "established" });
  const south = makeNetwork(t, { name: "South Coast Partnership", stage: "forming" });
  const east = makeNetwork(t, { name: "East Side Collaborative", stage: "developing" });

  const n1 = closedRoundAt(
    t,
    north.id,
    "2025-03-01T12:00:00Z",
    [themed(A, 7), themed(B, 4), themed(C, 9), themed(D, 6), themed(A, 8), themed(B)],
    { invited: 8, title: "Spring 2025" },
  );
  const n2 = closedRoundAt(t, north.id, "2025-09-01T12:00:00Z", [themed(A), themed(C), themed(D)], { invited: 8, title: "Autumn 2025" });
  const n3 = closedRoundAt(
    t,
    north.id,
    "2026-03-01T12:00:00Z",
    [themed(C, 9), themed(C, 8), themed(A, 7), themed(D, 6), themed(A, 8), themed(C), themed(B, 5)],
    { invited: 10, title: "Spring 2026" },
  );
  t.clock.set("2026-04-01T12:00:00Z");
  const open = makeRound(t, north.id, { status: "open", openedAt: t.clock.now(), title: "Still open" });

  const s2 = closedRoundAt(t, south.id, "2026-02-01T12:00:00Z", [themed(B, 3), themed(B, 4), themed(D, 5), themed(D, 5), themed(B, 2)], {
    invited: 6,
    title: "Second",
  });
  const s1 = closedRoundAt(
    t,
    south.id,
    "2025-06-01T12:00:00Z",
    [themed(C, 9), themed(A, 8), themed(A, 8), themed(D, 6), themed(C, 9), themed(A)],
    { invited: 12, title: "First" },
  );

  const e1 = closedRoundAt(t, east.id, "2025-11-15T12:00:00Z", [themed(D, 5), themed(A, 7), themed(B, 4), themed(C, 8), themed(D, 6)], {
    access: "open",
    title: "Open call",
  });
  t.clock.set("2025-12-01T12:00:00Z");
  const otherVersion = makeRound(t, east.id, { status: "closed", closedAt: t.clock.now(), instrumentVersion: 99, title: "Other version" });
  t.db
    .insert(roundResults)
    .values({
      roundId: otherVersion.id,
      // Only the summary is read: an instrument version nobody else uses is compared with nothing.
      scores: { scores: { n: 9, minResponses: 5, suppressed: true }, invited: 9 },
      published: {},
      summary: { n: 9, responseRate: null, suppressed: false, overall: 1, themes: {}, overallChange: null },
      computedAt: t.clock.now(),
    })
    .run();
  t.clock.set("2026-04-02T09:00:00Z");

  const commissioner = makeUser(t, { role: "commissioner", name: "Carol Commissioner" });
  for (const n of [north, south, east]) makeGrant(t, n.id, commissioner.id, "commissioner");
  return {
    networks: { north, south, east },
    rounds: { n1, n2, n3, s1, s2, e1, open, otherVersion },
    commissioner: { user: commissioner, cookie: sessionFor(t, commissioner.id) },
  };
}
