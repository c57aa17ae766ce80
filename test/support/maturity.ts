// Rounds with the maturity matrix, made the way the survey leaves them: responses, and beside some
// of them their marks in maturity_answers (1–4 a level, 0 don't know, null not answered).
import { eq } from "drizzle-orm";
import { maturityAnswers, responses, type rounds } from "../../src/db/schema";
import type { Clock } from "../../src/lib/clock";
import type { Db } from "../../src/lib/db";
import type { MaturityAnswer, MaturityResponse } from "../../src/maturity/scoring";
import { closeRound } from "../../src/rounds/lifecycle";
import { makeRound } from "./factories";
import { insertResponses, type StoredResponse, uniformResponse } from "./responses";

type Deps = { db: Db; clock: Clock };

const stored = (answer: MaturityAnswer | null | undefined) => (answer === "dont_know" ? 0 : (answer ?? null));

/** Stores `marks[i]` with the i-th response of the round (responses beyond the marks mark nothing). */
export function insertMaturityMarks(deps: Deps, roundId: string, marks: MaturityResponse[]): void {
  const ids = deps.db.select({ id: responses.id }).from(responses).where(eq(responses.roundId, roundId)).all();
  if (ids.length < marks.length) throw new Error(`round ${roundId} has ${ids.length} responses for ${marks.length} sets of marks`);
  marks.forEach((mark, i) => {
    for (const [dimension, { current, target }] of Object.entries(mark)) {
      deps.db
        .insert(maturityAnswers)
        .values({ responseId: ids[i]?.id ?? "", roundId, dimension, current: stored(current), target: stored(target) })
        .run();
    }
  });
}

/**
 * A round with the matrix that received `marks` (one response each, answering every statement 3,
 * unless `core` gives the responses) and closed, results frozen.
 */
export function closedMaturityRound(
  deps: Deps,
  networkId: string,
  marks: MaturityResponse[],
  options: { core?: StoredResponse[]; round?: Partial<typeof rounds.$inferInsert>; closedAt?: Date } = {},
) {
  const round = makeRound(deps, networkId, { status: "open", openedAt: deps.clock.now(), modules: ["maturity"], ...options.round });
  insertResponses(deps, round.id, options.core ?? marks.map(() => uniformResponse(3)));
  insertMaturityMarks(deps, round.id, marks);
  return closeRound(deps, round, options.closedAt);
}

/** The same marks on every dimension in `dimensions`. */
export function marksOn(dimensions: readonly string[], current: MaturityAnswer | null, target: MaturityAnswer | null): MaturityResponse {
  return Object.fromEntries(dimensions.map((code) => [code, { current, target }]));
}
