// Closed rounds frozen under older rules are worked out again at start-up, so that what the rules
// now hide is not still shown from a frozen value or a cached PDF.
import { and, asc, eq, lt } from "drizzle-orm";
import type { RoundRow } from "../db/schema";
import { reportCache, roundResults, rounds } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { scoreStoredMaturity } from "../maturity/freeze";
import { countOpenLinkResponses, RESULTS_FORMAT, scoreStoredRound, storePublished } from "./freeze";
import { type FrozenResults, frozenResults } from "./frozen";
import type { RoundScores } from "./types";

/**
 * The scores of an old frozen value under today's rules. From the stored responses when they are
 * all still there (the breakdowns need each respondent); otherwise the old figures are kept, and
 * presenting them applies today's thresholds, but the old breakdowns are dropped (they cannot be
 * checked cell by cell without the respondents).
 */
function rescore(db: Db, round: RoundRow, old: RoundScores): RoundScores {
  if (old.suppressed) return old;
  const fresh = scoreStoredRound(db, round);
  if (fresh.n === old.n) return fresh;
  const none = { organisationType: [], professionalGroup: [], involvement: [] };
  return { ...old, breakdowns: none };
}

/**
 * Freezes again every closed round whose results predate RESULTS_FORMAT, oldest first (a round's
 * change reads its previous round), keeping the number invited at closing; then empties the report
 * cache, whose PDFs were made from the old values. Returns how many rounds it froze again.
 * @example republishOldResults({ db, clock }) // 0 once every closed round is up to date
 */
export function republishOldResults(deps: { db: Db; clock: Clock }): number {
  const { db, clock } = deps;
  const old = db
    .select({ round: rounds })
    .from(rounds)
    .innerJoin(roundResults, eq(roundResults.roundId, rounds.id))
    .where(and(eq(rounds.status, "closed"), lt(roundResults.format, RESULTS_FORMAT)))
    .orderBy(asc(rounds.closedAt), asc(rounds.id))
    .all();
  if (old.length === 0) return 0;
  db.transaction(() => {
    for (const { round } of old) {
      const before = frozenResults(db, round.id);
      if (!before) continue;
      const scores = rescore(db, round, before.scores);
      const frozen: FrozenResults = {
        scores,
        invited: before.invited,
        openLinkResponses: countOpenLinkResponses(db, round.id),
        // From the stored marks, which a shown round keeps (a suppressed round's went with its responses).
        maturity: scores.suppressed ? undefined : scoreStoredMaturity(db, round),
      };
      db.update(roundResults)
        .set({ scores: frozen, ...storePublished(db, round, frozen), computedAt: clock.now(), format: RESULTS_FORMAT })
        .where(eq(roundResults.roundId, round.id))
        .run();
    }
    db.delete(reportCache).run();
  });
  return old.length;
}
