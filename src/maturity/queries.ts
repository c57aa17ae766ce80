// Reading a round's maturity marks: one SQL read over the round's index, rows grouped by response
// so that scoring sees each member's two sides together.
import type { Db } from "../lib/db";
import type { MaturityAnswer, MaturityResponse } from "./scoring";

// maturity_answers_round_idx (round_id, dimension) finds the round's rows.
const MARKS_SQL = "select response_id, dimension, current, target from maturity_answers where round_id = ?";

/** 0 is "don't know", 1–4 a level, null not answered (see the maturity_answers table). */
function answerOf(value: number | null): MaturityAnswer | null {
  if (value === 0) return "dont_know";
  return value !== null && value >= 1 && value <= 4 ? (value as MaturityAnswer) : null;
}

/** Every response's marks on the matrix in a round, one entry per response that marked anything. */
export function loadMaturityResponses(db: Db, roundId: string): MaturityResponse[] {
  const byResponse = new Map<string, MaturityResponse>();
  const rows = db.$client.prepare(MARKS_SQL).raw().all(roundId) as Array<[string, string, number | null, number | null]>;
  for (const [responseId, dimension, current, target] of rows) {
    const response = byResponse.get(responseId) ?? {};
    response[dimension] = { current: answerOf(current), target: answerOf(target) };
    byResponse.set(responseId, response);
  }
  return [...byResponse.values()];
}
