// Where closing a large round spends its time: the parts of freezeRoundResults, timed one by one.
import type { RoundRow } from "../src/db/schema";
import { getInstrument, themeItems } from "../src/instrument";
import type { Db } from "../src/lib/db";
import { loadRespondents, loadTallies } from "../src/results/freeze";
import { scoreTallies } from "../src/results/scoring";
import { ms } from "./report-support";

export interface FreezeParts {
  /** Reading every response's stored theme scores and background. */
  respondentsMs: number;
  /** Counting every item's answers (GROUP BY over the covering index). */
  talliesMs: number;
  /** scoreTallies over both. */
  scoreMs: number;
  /** JSON of the frozen value, and its size. */
  stringifyMs: number;
  frozenKb: number;
}

export interface ClosingFigures extends FreezeParts {
  n: number;
  closeMs: number;
  resultsMedianMs: number;
  resultsP95Ms: number;
}

/** Times the parts of closing `round` (which need not be closed), as freezeRoundResults runs them. */
export function freezeParts(db: Db, round: RoundRow): FreezeParts {
  const instrument = getInstrument(round.instrumentId, round.instrumentVersion);
  if (!instrument) throw new Error("unknown instrument");
  const themes = themeItems(instrument);
  const timed = <T>(fn: () => T): [T, number] => {
    const started = performance.now();
    const value = fn();
    return [value, ms(performance.now() - started)];
  };
  const [respondents, respondentsMs] = timed(() => loadRespondents(db, round.id, themes));
  const [tallies, talliesMs] = timed(() => loadTallies(db, round.id));
  const [scores, scoreMs] = timed(() => scoreTallies({ themes, respondents, tallies, minResponses: round.minResponses }));
  const [json, stringifyMs] = timed(() => JSON.stringify({ scores, invited: 0 }));
  return { respondentsMs, talliesMs, scoreMs, stringifyMs, frozenKb: Math.round(json.length / 1024) };
}
