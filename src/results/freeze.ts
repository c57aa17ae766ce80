import { and, count, eq, gt } from "drizzle-orm";
import { answers, DONT_KNOW, invitations, responses, roundResults, rounds } from "../db/schema";
import { getInstrument } from "../instrument";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { compareRounds } from "./change";
import { presentRoundScores } from "./present";
import { previousComparableRound } from "./previous";
import { round1 } from "./rounding";
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
  const values = { scores: frozen, summary: summarise(db, round, frozen), computedAt: clock.now() };
  db.insert(roundResults)
    .values({ roundId: round.id, ...values })
    .onConflictDoUpdate({ target: roundResults.roundId, set: values })
    .run();
  refreshLaterSummaries(db, round);
  return frozen;
}

/** The temperature's change against the previous comparable round, as the results give it. */
function overallChangeOf(db: Db, round: RoundRow, frozen: FrozenResults): RoundSummary["overallChange"] {
  const previous = previousComparableRound(db, round);
  if (!previous || frozen.scores.suppressed) return null;
  const presented = presentRoundScores(frozen.scores, compareRounds(frozen.scores, previous.results.scores));
  return !presented.suppressed && presented.overall.change ? { previousRoundId: previous.round.id, ...presented.overall.change } : null;
}

/**
 * A round that closes late (an overdue round closed at its past closing time) can become the
 * "previous round" of rounds that closed after that time: their summaries' change is redone.
 */
function refreshLaterSummaries(db: Db, round: RoundRow): void {
  if (!round.closedAt) return;
  const later = db
    .select()
    .from(rounds)
    .where(and(eq(rounds.networkId, round.networkId), eq(rounds.status, "closed"), gt(rounds.closedAt, round.closedAt)))
    .all();
  for (const other of later) {
    const frozen = frozenResults(db, other.id);
    if (frozen)
      db.update(roundResults)
        .set({ summary: summarise(db, other, frozen) })
        .where(eq(roundResults.roundId, other.id))
        .run();
  }
}

/** The figures a comparison shows for a round, rounded exactly as the results endpoint rounds them. */
export interface RoundSummary {
  n: number;
  responseRate: number | null;
  suppressed: boolean;
  overall: number | null;
  themes: Record<string, number | null> | null;
  /** Change of the temperature since the previous comparable round, as the results give it. */
  overallChange: { previousRoundId: string; delta: number | null; p: number | null; notable: boolean } | null;
}

/** Submitted / invited × 100 for invite rounds; null for open access or nobody invited (unrounded). */
export function responseRateOf(round: Pick<RoundRow, "access">, n: number, invited: number): number | null {
  return round.access === "invite" && invited > 0 ? (n / invited) * 100 : null;
}

function summarise(db: Db, round: RoundRow, frozen: FrozenResults): RoundSummary {
  const { scores, invited } = frozen;
  const rate = responseRateOf(round, scores.n, invited);
  const base = { n: scores.n, responseRate: rate === null ? null : round1(rate) };
  if (scores.suppressed) return { ...base, suppressed: true, overall: null, themes: null, overallChange: null };
  const score = (x: number | null) => (x === null ? null : round1(x));
  return {
    ...base,
    suppressed: false,
    overall: score(scores.overall.score),
    themes: Object.fromEntries(scores.themes.map((t) => [t.code, score(t.score)])),
    overallChange: overallChangeOf(db, round, frozen),
  };
}

/** The frozen summary of a closed round, if it has one. */
export function frozenSummary(db: Db, roundId: string): RoundSummary | undefined {
  const row = db.select({ summary: roundResults.summary }).from(roundResults).where(eq(roundResults.roundId, roundId)).get();
  return row?.summary as RoundSummary | undefined;
}

/** The frozen results of a closed round, if it has them. */
export function frozenResults(db: Db, roundId: string): FrozenResults | undefined {
  const row = db.select({ scores: roundResults.scores }).from(roundResults).where(eq(roundResults.roundId, roundId)).get();
  return row?.scores as FrozenResults | undefined;
}
