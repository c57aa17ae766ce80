import { count, eq } from "drizzle-orm";
import { answers, DONT_KNOW, invitations, responses, roundResults, type rounds } from "../db/schema";
import { getInstrument } from "../instrument";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { type AnswerValue, type RoundScores, type ScoredResponse, scoreRound, type Trend } from "./scoring";

type RoundRow = typeof rounds.$inferSelect;

/** Every submitted response of a round, as the scoring functions take them. */
export function loadScoredResponses(db: Db, roundId: string): ScoredResponse[] {
  const byId = new Map<string, ScoredResponse>();
  for (const r of db.select().from(responses).where(eq(responses.roundId, roundId)).all()) {
    byId.set(r.id, {
      answers: {},
      overall: r.overall,
      trend: r.trend as Trend | null,
      involvement: r.involvement,
      organisationType: r.organisationType,
      professionalGroup: r.professionalGroup,
    });
  }
  const rows = db
    .select({ responseId: answers.responseId, itemCode: answers.itemCode, value: answers.value })
    .from(answers)
    .where(eq(answers.roundId, roundId))
    .all();
  for (const row of rows) {
    const response = byId.get(row.responseId);
    if (response) response.answers[row.itemCode] = (row.value === DONT_KNOW ? "dont_know" : row.value) as AnswerValue;
  }
  return [...byId.values()];
}

/** Scores a round from its stored responses, on its own instrument version. */
export function scoreStoredRound(db: Db, round: RoundRow): RoundScores {
  const instrument = getInstrument(round.instrumentId, round.instrumentVersion);
  if (!instrument) throw new Error(`Round ${round.id} uses an unknown instrument ${round.instrumentId} v${round.instrumentVersion}`);
  const themes = instrument.themes.map((t) => ({ code: t.code, items: t.items.map((i) => i.code) }));
  return scoreRound({ themes, responses: loadScoredResponses(db, round.id), minResponses: round.minResponses });
}

/** What is kept of a closed round: its scores and how many were invited when it closed. */
export interface FrozenResults {
  scores: RoundScores;
  /** Links handed out when the round closed (removing a member later must not change the rate). */
  invited: number;
}

/**
 * Computes a closing round's scores once and keeps them: a closed round never changes, so its
 * results, report and comparisons all read this frozen value. Call inside the closing transaction.
 */
export function freezeRoundResults(db: Db, clock: Clock, round: RoundRow): FrozenResults {
  const invited = db.select({ n: count() }).from(invitations).where(eq(invitations.roundId, round.id)).get()?.n ?? 0;
  const frozen: FrozenResults = { scores: scoreStoredRound(db, round), invited };
  db.insert(roundResults)
    .values({ roundId: round.id, scores: frozen, computedAt: clock.now() })
    .onConflictDoUpdate({ target: roundResults.roundId, set: { scores: frozen, computedAt: clock.now() } })
    .run();
  return frozen;
}

/** The frozen results of a closed round, if it has them. */
export function frozenResults(db: Db, roundId: string): FrozenResults | undefined {
  const row = db.select({ scores: roundResults.scores }).from(roundResults).where(eq(roundResults.roundId, roundId)).get();
  return row?.scores as FrozenResults | undefined;
}
