import { and, count, eq, gt } from "drizzle-orm";
import type { RoundRow } from "../db/schema";
import { DONT_KNOW, invitations, roundResults, rounds } from "../db/schema";
import { getInstrument } from "../instrument";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { type Published, publish } from "./published";
import { type AnswerValue, type RoundScores, type ScoredResponse, scoreRound, type Trend } from "./scoring";

// Closing a round reads every answer once (2.5 million rows for 100,000 responses): raw prepared
// statements iterate rows as arrays, several times faster than building objects through drizzle.
const RESPONSES_SQL = "select id, overall, trend, involvement, organisation_type, professional_group from responses where round_id = ?";
// The covering index (round_id, item_code, value) also holds response_id (the primary key of a
// WITHOUT ROWID table), so this reads the index alone.
const ANSWERS_SQL = "select response_id, item_code, value from answers where round_id = ?";

type ResponseTuple = [string, number | null, string | null, string | null, string | null, string | null];
type AnswerTuple = [string, string, number];

/** Every submitted response of a round, as the scoring functions take them. */
export function loadScoredResponses(db: Db, roundId: string): ScoredResponse[] {
  const sqlite = db.$client;
  const byId = new Map<string, ScoredResponse>();
  for (const row of sqlite.prepare(RESPONSES_SQL).raw().iterate(roundId) as IterableIterator<ResponseTuple>) {
    const [id, overall, trend, involvement, organisationType, professionalGroup] = row;
    byId.set(id, { answers: {}, overall, trend: trend as Trend | null, involvement, organisationType, professionalGroup });
  }
  for (const [responseId, itemCode, value] of sqlite.prepare(ANSWERS_SQL).raw().iterate(roundId) as IterableIterator<AnswerTuple>) {
    const response = byId.get(responseId);
    if (response) response.answers[itemCode] = (value === DONT_KNOW ? "dont_know" : value) as AnswerValue;
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

/** The figures a comparison shows for a round, exactly as the results endpoint shows them. */
export interface RoundSummary {
  n: number;
  responseRate: number | null;
  suppressed: boolean;
  overall: number | null;
  themes: Record<string, number | null> | null;
  /** Change of the temperature since the previous comparable round, as the results give it. */
  overallChange: { previousRoundId: string; delta: number | null; p: number | null; notable: boolean } | null;
}

function summarise(published: Published): RoundSummary {
  const base = { n: published.n, responseRate: published.responseRate };
  if (published.suppressed) return { ...base, suppressed: true, overall: null, themes: null, overallChange: null };
  return {
    ...base,
    suppressed: false,
    overall: published.overall.score,
    themes: Object.fromEntries(published.themes.map((t) => [t.code, t.score])),
    overallChange: published.overall.change ?? null,
  };
}

/** Stores the rounded results and summary worked out from a round's frozen scores. */
function storePublished(db: Db, round: RoundRow, frozen: FrozenResults) {
  const published = publish(db, round, frozen);
  return { published, summary: summarise(published) };
}

/**
 * Computes a closing round's scores once and keeps them: a closed round never changes, so its
 * results, report and comparisons all read these frozen values. Call inside the closing transaction.
 */
export function freezeRoundResults(db: Db, clock: Clock, round: RoundRow): FrozenResults {
  const invited = db.select({ n: count() }).from(invitations).where(eq(invitations.roundId, round.id)).get()?.n ?? 0;
  const frozen: FrozenResults = { scores: scoreStoredRound(db, round), invited };
  const values = { scores: frozen, ...storePublished(db, round, frozen), computedAt: clock.now() };
  db.insert(roundResults)
    .values({ roundId: round.id, ...values })
    .onConflictDoUpdate({ target: roundResults.roundId, set: values })
    .run();
  refreshLaterRounds(db, round);
  return frozen;
}

/**
 * A round that closes late (an overdue round closed at its past closing time) can become the
 * "previous round" of rounds that closed after that time: their change is worked out again.
 */
function refreshLaterRounds(db: Db, round: RoundRow): void {
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
        .set(storePublished(db, other, frozen))
        .where(eq(roundResults.roundId, other.id))
        .run();
  }
}

function frozenColumn<K extends "scores" | "summary" | "published">(db: Db, roundId: string, column: K) {
  const row = db.select({ value: roundResults[column] }).from(roundResults).where(eq(roundResults.roundId, roundId)).get();
  return row?.value;
}

/** The frozen summary of a closed round (small), if it has one. */
export function frozenSummary(db: Db, roundId: string): RoundSummary | undefined {
  return frozenColumn(db, roundId, "summary") as RoundSummary | undefined;
}

/** The frozen, rounded results of a closed round (small), if it has them. */
export function frozenPublished(db: Db, roundId: string): Published | undefined {
  return frozenColumn(db, roundId, "published") as Published | undefined;
}

/** The frozen full scores of a closed round (large: respondent scores), if it has them. */
export function frozenResults(db: Db, roundId: string): FrozenResults | undefined {
  return frozenColumn(db, roundId, "scores") as FrozenResults | undefined;
}
