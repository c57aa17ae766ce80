import { and, count, eq, isNull } from "drizzle-orm";
import type { RoundRow } from "../db/schema";
import { DONT_KNOW, invitations, roundResults, themeScoreColumns } from "../db/schema";
import { getInstrument, themeItems } from "../instrument";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { scoreStoredMaturity } from "../maturity/freeze";
import { freezeBenchmark } from "../portfolio/benchmark-write";
import { storeRoundFigures } from "../portfolio/figures-write";
import { closedRoundsAfter } from "../rounds/closed-rounds";
import { submittedCount } from "../rounds/submitted";
import { type Published, publish } from "./closing-results";
import { type FrozenResults, frozenResults, type RoundSummary } from "./frozen";
import { type AnswerTally, type RespondentColumns, type RoundScores, scoreTallies, type ThemeDef, type Trend, tallyOf } from "./scoring";

/** overall, trend, involvement, organisation_type, professional_group, then one score per theme. */
type RespondentTuple = Array<number | string | null>;
type TallyTuple = [string, number, number];

/** Every response of a round with its stored theme scores, as columns of `themes`. */
export function loadRespondents(db: Db, roundId: string, themes: readonly ThemeDef[]): RespondentColumns {
  const scoreColumns = themes.map((theme) => {
    const column = themeScoreColumns[theme.code as keyof typeof themeScoreColumns];
    if (!column) throw new Error(`No stored score for theme ${theme.code}`);
    return column.name;
  });
  const sql = `select overall, trend, involvement, organisation_type, professional_group, ${scoreColumns.join(", ")}
                 from responses where round_id = ?`;
  const rating: number[] = [];
  const trend: Array<Trend | null> = [];
  const groups: RespondentColumns["groups"] = { involvement: [], organisationType: [], professionalGroup: [] };
  const scores: number[][] = themes.map(() => []);
  // Raw rows from a prepared statement, straight into columns: no object per respondent is kept.
  for (const row of db.$client.prepare(sql).raw().iterate(roundId) as IterableIterator<RespondentTuple>) {
    rating.push((row[0] as number | null) ?? Number.NaN);
    trend.push(row[1] as Trend | null);
    groups.involvement.push(row[2] as string | null);
    groups.organisationType.push(row[3] as string | null);
    groups.professionalGroup.push(row[4] as string | null);
    for (let t = 0; t < themes.length; t++) scores[t]?.push((row[5 + t] as number | null) ?? Number.NaN);
  }
  return {
    n: rating.length,
    themeScores: Object.fromEntries(themes.map((theme, t) => [theme.code, Float64Array.from(scores[t] ?? [])])),
    rating: Float64Array.from(rating),
    trend,
    groups,
  };
}

// The covering index (round_id, item_code, value) answers this without reading the table.
const TALLY_SQL = "select item_code, value, count(*) from answers where round_id = ? group by item_code, value";

/** How often each item of a round got each answer. */
export function loadTallies(db: Db, roundId: string): Map<string, AnswerTally> {
  const tallies = new Map<string, AnswerTally>();
  for (const [code, value, n] of db.$client.prepare(TALLY_SQL).raw().all(roundId) as TallyTuple[]) {
    const tally = tallyOf(tallies, code);
    if (value === DONT_KNOW) tally.dontKnow = n;
    else if (value >= 1 && value <= 5) tally.distribution[value - 1] = n;
  }
  return tallies;
}

/**
 * Scores a round from its stored responses, on its own instrument version: from the theme scores
 * stored with each response and the answers counted per item, never the 25 answers of each
 * response one by one (the figures are the same; see scoreTallies).
 */
export function scoreStoredRound(db: Db, round: RoundRow): RoundScores {
  const instrument = getInstrument(round.instrumentId, round.instrumentVersion);
  if (!instrument) throw new Error(`Round ${round.id} uses an unknown instrument ${round.instrumentId} v${round.instrumentVersion}`);
  const themes = themeItems(instrument);
  return scoreTallies({
    themes,
    respondents: loadRespondents(db, round.id, themes),
    tallies: loadTallies(db, round.id),
    minResponses: round.minResponses,
  });
}

/**
 * The rules frozen results are worked out under. 2: theme scores, the temperature, rating, trend
 * split and each breakdown cell need minResponses respondents; "not answered" is a breakdown group.
 * 3: a round with the maturity matrix keeps it scored (rounds closed before had none frozen).
 * Raise it whenever a rule changes what may be shown: closed rounds are then frozen again at start.
 */
export const RESULTS_FORMAT = 3;

/** Links of a round made through its open link (for no member) that were used to submit. */
export function countOpenLinkResponses(db: Db, roundId: string): number {
  return (
    db
      .select({ n: count() })
      .from(invitations)
      .where(and(eq(invitations.roundId, roundId), isNull(invitations.memberId), eq(invitations.status, "submitted")))
      .get()?.n ?? 0
  );
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
    maturity: published.maturity
      ? Object.fromEntries(published.maturity.dimensions.map((dimension) => [dimension.code, dimension.current.median]))
      : null,
  };
}

/** Stores the rounded results and summary worked out from a round's frozen scores. */
export function storePublished(db: Db, round: RoundRow, frozen: FrozenResults) {
  const published = publish(db, round, frozen);
  // The portfolio's columns of the same values, so that the two never disagree.
  storeRoundFigures(db, round, frozen, published);
  return { published, summary: summarise(published) };
}

/**
 * Computes a closing round's scores once and keeps them: a closed round never changes, so its
 * results, report and comparisons all read these frozen values. Call inside the closing transaction.
 */
export function freezeRoundResults(db: Db, clock: Clock, round: RoundRow): FrozenResults {
  const invited = db.select({ n: count() }).from(invitations).where(eq(invitations.roundId, round.id)).get()?.n ?? 0;
  // Below its threshold a round keeps only its count (its answers are deleted when it closes).
  const submitted = submittedCount(db, round.id);
  const scores: RoundScores =
    submitted < round.minResponses ? { n: submitted, minResponses: round.minResponses, suppressed: true } : scoreStoredRound(db, round);
  const maturity = scores.suppressed ? undefined : scoreStoredMaturity(db, round);
  const frozen: FrozenResults = { scores, invited, openLinkResponses: countOpenLinkResponses(db, round.id), maturity };
  const values = { scores: frozen, ...storePublished(db, round, frozen), computedAt: clock.now(), format: RESULTS_FORMAT };
  db.insert(roundResults)
    .values({ roundId: round.id, ...values })
    .onConflictDoUpdate({ target: roundResults.roundId, set: values })
    .run();
  refreshLaterRounds(db, round);
  // Only here, at closing: a benchmark is frozen once and never worked out again.
  freezeBenchmark(db, clock, round);
  return frozen;
}

/**
 * A round that closes late (an overdue round closed at its past closing time) can become the
 * "previous round" of rounds that closed after that time: their change is worked out again.
 */
function refreshLaterRounds(db: Db, round: RoundRow): void {
  for (const other of closedRoundsAfter(db, round)) {
    const frozen = frozenResults(db, other.id);
    if (frozen)
      db.update(roundResults)
        .set(storePublished(db, other, frozen))
        .where(eq(roundResults.roundId, other.id))
        .run();
  }
}
