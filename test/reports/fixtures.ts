// Report fixtures: realistic rounds (seeded, so every run is the same) with comments and actions.

import { actions, comments, type rounds } from "../../src/db/schema";
import { seededRandom } from "../../src/demo/answers";
import type { Clock } from "../../src/lib/clock";
import type { Db } from "../../src/lib/db";
import { newId } from "../../src/lib/ids";
import type { AnswerValue } from "../../src/results/types";
import { closeRound } from "../../src/rounds/lifecycle";
import { type makeCast, makeInvitation, makeRound, sessionFor } from "../support/factories";
import { insertResponses, type StoredResponse } from "../support/responses";

type Deps = { db: Db; clock: Clock };

const THEMES = ["purpose", "relationships", "communication", "governance", "value"] as const;
const ORGS = ["hospital", "primary_care", "community", "social_care", "mental_health", "voluntary"];
const GROUPS = ["medical", "nursing", "management", "allied_health", "social_work"];
const INVOLVEMENT = ["core", "active", "occasional"];
const TRENDS = ["worse", "same", "better", "new"] as const;

/** A small seeded PRNG (mulberry32): the same seed gives the same round. */
export const seeded = seededRandom;

/**
 * `count` varied responses: each theme has its own level (`levels`, 1–5), people differ, some
 * answer "don't know", skip statements or a whole theme, and fill in the profile questions.
 */
export function demoResponses(count: number, seed = 1, levels = [3.6, 3.9, 3.0, 2.8, 3.4]): StoredResponse[] {
  const rnd = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  return Array.from({ length: count }, () => {
    const mood = (rnd() - 0.5) * 1.6;
    const skipTheme = rnd() < 0.05 ? pick(THEMES) : null;
    const answers: Record<string, AnswerValue> = {};
    THEMES.forEach((theme, t) => {
      if (theme === skipTheme) return;
      for (let i = 1; i <= 5; i++) {
        const r = rnd();
        if (r < 0.04) continue;
        if (r < 0.09) {
          answers[`${theme}.${i}`] = "dont_know";
          continue;
        }
        const value = Math.round((levels[t] ?? 3) + mood + (rnd() - 0.5) * 2.2);
        answers[`${theme}.${i}`] = Math.min(5, Math.max(1, value)) as 1 | 2 | 3 | 4 | 5;
      }
    });
    return {
      answers,
      overall: Math.min(10, Math.max(0, Math.round(6 + mood * 2 + (rnd() - 0.5) * 3))),
      trend: pick(TRENDS),
      involvement: pick(INVOLVEMENT),
      organisationType: rnd() < 0.9 ? pick(ORGS) : null,
      professionalGroup: rnd() < 0.9 ? pick(GROUPS) : null,
    };
  });
}

export interface RoundOptions {
  round?: Partial<typeof rounds.$inferInsert>;
  /** Links handed out (for the response rate); default: none (an open-link round). */
  invited?: number;
  /** Comments by theme, stored as `status` (default released). */
  comments?: { theme: string; text: string; status?: "pending" | "released" | "hidden" }[];
  closedAt?: Date;
}

/** A round that was open, received `list` and its comments, handed out links, and closed. */
export function closedRoundWith(deps: Deps, networkId: string, list: StoredResponse[], options: RoundOptions = {}) {
  // Opened three weeks before it closes, as a temperature check usually runs.
  const closedAt = options.closedAt ?? deps.clock.now();
  const openedAt = new Date(closedAt.getTime() - 21 * 86_400_000);
  const round = makeRound(deps, networkId, { status: "open", access: options.invited ? "invite" : "open", openedAt, ...options.round });
  insertResponses(deps, round.id, list);
  for (let i = 0; i < (options.invited ?? 0); i++) makeInvitation(deps, round.id, { status: i < list.length ? "submitted" : "invited" });
  for (const c of options.comments ?? []) {
    deps.db
      .insert(comments)
      .values({ id: newId(), roundId: round.id, theme: c.theme, text: c.text, status: c.status ?? "released" })
      .run();
  }
  return closeRound(deps, round, closedAt);
}

/** Records an action about a round, as the facilitator does after the meeting. */
export function addAction(deps: Deps, round: { id: string; networkId: string }, overrides: Partial<typeof actions.$inferInsert> = {}) {
  const now = deps.clock.now();
  return deps.db
    .insert(actions)
    .values({
      id: newId(),
      networkId: round.networkId,
      roundId: round.id,
      title: "Agree the network's three priorities for next year",
      createdAt: now,
      updatedAt: now,
      ...overrides,
    })
    .returning()
    .get();
}

export const DEMO_COMMENTS = [
  { theme: "purpose", text: "We say we are about older people with complex needs, but the agenda is mostly hospital discharge." },
  { theme: "purpose", text: "The priorities were clearer after the away day in spring." },
  { theme: "relationships", text: "I now know who to call at the community trust, which saves me hours every week." },
  { theme: "communication", text: "Minutes arrive weeks after the meeting; by then decisions have been made." },
  { theme: "communication", text: "The newsletter is good, but it only goes one way." },
  { theme: "governance", text: "It is not clear who decides on the budget for the shared posts." },
  { theme: "value", text: "Patients notice the joint clinic. We should measure it." },
];

/**
 * A demo-like network history: an earlier closed round and this one (`n` responses of `invited`),
 * with comments (some still pending or hidden) and actions from the earlier round.
 */
export function demoReportRounds(deps: Deps & { clock: Clock & { advance(ms: number): void } }, networkId: string, n = 40, invited = 52) {
  const previous = closedRoundWith(deps, networkId, demoResponses(Math.round(n * 0.9), 7, [3.3, 3.8, 2.9, 2.9, 3.1]), {
    round: { title: "Autumn 2025" },
    invited,
  });
  const done = addAction(deps, previous, {
    title: "Send the minutes within a week of each meeting",
    owner: "Network office",
    due: "2026-01-31",
    status: "done",
    // Done a month after the meeting: the next report lists it as closed since the last round.
    closedAt: new Date(deps.clock.now().getTime() + 30 * 86_400_000),
  });
  const going = addAction(deps, previous, {
    title: "Map who decides on shared budgets",
    owner: "Governance group",
    status: "in_progress",
    note: "Draft map discussed in February",
  });
  deps.clock.advance(180 * 86_400_000);
  const round = closedRoundWith(deps, networkId, demoResponses(n, 11), {
    round: { title: "Spring 2026" },
    invited,
    comments: [
      ...DEMO_COMMENTS,
      { theme: "governance", text: "Still pending review", status: "pending" },
      { theme: "value", text: "Hidden: names a person", status: "hidden" },
    ],
  });
  return { previous, round, actions: [done, going] };
}

/** New session cookies for the cast, after the clock moved past their sessions' lifetime. */
export function refreshCookies(deps: Deps, cast: ReturnType<typeof makeCast>) {
  for (const person of [cast.admin, cast.facilitator, cast.otherFacilitator, cast.commissioner, cast.otherCommissioner]) {
    person.cookie = sessionFor(deps, person.user.id);
  }
  return cast;
}
