import { eq } from "drizzle-orm";
import { rounds } from "../../src/db/schema";
import { getInstrument } from "../../src/instrument";
import type { Clock } from "../../src/lib/clock";
import { dayOf } from "../../src/lib/clock";
import type { Db } from "../../src/lib/db";
import type { ScoredResponse } from "../../src/results/scoring";
import { closeRound } from "../../src/rounds/lifecycle";
import type { SurveyResponseInput } from "../../src/survey/schemas";
import { writeResponse } from "../../src/survey/submit";
import { makeRound } from "./factories";

type Deps = { db: Db; clock: Clock };

export interface StoredResponse extends ScoredResponse {
  comments?: Record<string, string>;
}

/** Stores responses the way a submission does (theme scores, answers, comments without a response id). */
export function insertResponses(deps: Deps, roundId: string, list: StoredResponse[]): void {
  const round = deps.db.select().from(rounds).where(eq(rounds.id, roundId)).get();
  const instrument = round && getInstrument(round.instrumentId, round.instrumentVersion);
  if (!instrument) throw new Error(`round ${roundId} or its instrument not found`);
  const day = dayOf(deps.clock.now());
  deps.db.transaction(() => {
    for (const r of list) {
      writeResponse(deps.db, roundId, instrument, day, asSurveyInput(r));
    }
  });
}

/** A stored response as the survey submits it. */
export function asSurveyInput(r: StoredResponse): SurveyResponseInput {
  return {
    answers: r.answers,
    overall: r.overall ?? undefined,
    trend: r.trend ?? undefined,
    involvement: (r.involvement ?? undefined) as SurveyResponseInput["involvement"],
    profile: { organisationType: r.organisationType ?? undefined, professionalGroup: r.professionalGroup ?? undefined },
    comments: r.comments,
  };
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
