import { answers, comments, DONT_KNOW, responses, type rounds } from "../../src/db/schema";
import type { Clock } from "../../src/lib/clock";
import { dayOf } from "../../src/lib/clock";
import type { Db } from "../../src/lib/db";
import { newId } from "../../src/lib/ids";
import type { ScoredResponse } from "../../src/results/scoring";
import { closeRound } from "../../src/rounds/lifecycle";
import { makeRound } from "./factories";

type Deps = { db: Db; clock: Clock };

export interface StoredResponse extends ScoredResponse {
  comments?: Record<string, string>;
}

/** Stores responses the way a submission does (answers, comments without a response id). */
export function insertResponses(deps: Deps, roundId: string, list: StoredResponse[]): void {
  deps.db.transaction((tx) => {
    for (const r of list) {
      const id = newId();
      tx.insert(responses)
        .values({
          id,
          roundId,
          submittedOn: dayOf(deps.clock.now()),
          overall: r.overall ?? null,
          trend: r.trend ?? null,
          involvement: r.involvement ?? null,
          organisationType: r.organisationType ?? null,
          professionalGroup: r.professionalGroup ?? null,
        })
        .run();
      for (const [itemCode, value] of Object.entries(r.answers)) {
        tx.insert(answers)
          .values({ responseId: id, roundId, itemCode, value: value === "dont_know" ? DONT_KNOW : value })
          .run();
      }
      for (const [theme, text] of Object.entries(r.comments ?? {})) {
        tx.insert(comments).values({ id: newId(), roundId, theme, text }).run();
      }
    }
  });
}

/** A round of `networkId` that was open, received `list`, and closed (results frozen). */
export function makeClosedRound(
  deps: Deps,
  networkId: string,
  list: StoredResponse[],
  overrides: Partial<typeof rounds.$inferInsert> = {},
) {
  const round = makeRound(deps, networkId, { status: "open", openedAt: deps.clock.now(), ...overrides });
  insertResponses(deps, round.id, list);
  return closeRound(deps, round);
}

/** A response answering every statement of core v1 with `value`. */
export function uniformResponse(value: 1 | 2 | 3 | 4 | 5, extra: Partial<StoredResponse> = {}): StoredResponse {
  const themes = ["purpose", "relationships", "communication", "governance", "value"];
  const answersByItem: Record<string, 1 | 2 | 3 | 4 | 5> = {};
  for (const theme of themes) for (let i = 1; i <= 5; i++) answersByItem[`${theme}.${i}`] = value;
  return { answers: answersByItem, ...extra };
}
