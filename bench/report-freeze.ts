// Where closing a large round spends its time: the parts of freezeRoundResults, timed one by one.
import type { rounds } from "../src/db/schema";
import { getInstrument } from "../src/instrument";
import type { Db } from "../src/lib/db";
import { loadScoredResponses } from "../src/results/freeze";
import { scoreRound } from "../src/results/scoring";
import { ms } from "./report-support";

export interface ClosingFigures {
  n: number;
  closeMs: number;
  loadMs: number;
  scoreMs: number;
  stringifyMs: number;
  frozenMb: number;
  resultsMedianMs: number;
  resultsP95Ms: number;
}

/** Times loading the answers, scoring them and serialising the frozen value, as closing does. */
export function freezeParts(db: Db, round: typeof rounds.$inferSelect) {
  const instrument = getInstrument(round.instrumentId, round.instrumentVersion);
  if (!instrument) throw new Error("unknown instrument");
  const themes = instrument.themes.map((t) => ({ code: t.code, items: t.items.map((i) => i.code) }));
  let started = performance.now();
  const responses = loadScoredResponses(db, round.id);
  const loadMs = performance.now() - started;
  started = performance.now();
  const scores = scoreRound({ themes, responses, minResponses: round.minResponses });
  const scoreMs = performance.now() - started;
  started = performance.now();
  const json = JSON.stringify({ scores, invited: 0 });
  const stringifyMs = performance.now() - started;
  return { loadMs: ms(loadMs), scoreMs: ms(scoreMs), stringifyMs: ms(stringifyMs), frozenMb: Math.round((json.length / 1e6) * 10) / 10 };
}
