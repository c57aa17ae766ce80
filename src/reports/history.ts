// The network's closed rounds up to this one, with each one's temperature and theme scores, for
// the trend page. Each round's figures come from its own frozen results via getRoundResults.
import type { NetworkRow, RoundRow } from "../db/schema";
import type { Lang } from "../instrument";
import type { Db } from "../lib/db";
import { getRoundResults, type RoundResults } from "../results/labelled-results";
import { earlierComparableRounds } from "../results/previous";

/** How many rounds the trend shows at most (the latest ones). */
export const TREND_ROUNDS = 6;

export interface HistoryEntry {
  id: string;
  title: string;
  closedAt: string | null;
  suppressed: boolean;
  n: number;
  minResponses: number;
  temperature: number | null;
  /** Theme code → score (null where not shown). */
  themes: Record<string, number | null>;
}

function entryOf(results: RoundResults): HistoryEntry {
  const base = {
    id: results.round.id,
    title: results.round.title,
    closedAt: results.round.closedAt,
    n: results.n,
    minResponses: results.minResponses,
  };
  if (results.suppressed) return { ...base, suppressed: true, temperature: null, themes: {} };
  return {
    ...base,
    suppressed: false,
    temperature: results.overall.score,
    themes: Object.fromEntries(results.themes.map((t) => [t.code, t.score])),
  };
}

/**
 * The closed rounds of the round's network on the same instrument, oldest first, ending with this
 * round (later rounds do not belong in an earlier round's report). `current` is this round's results.
 */
export function loadHistory(db: Db, round: RoundRow, network: NetworkRow, lang: Lang, current: RoundResults): HistoryEntry[] {
  const earlier = earlierComparableRounds(db, round);
  const past = earlier.slice(-(TREND_ROUNDS - 1)).map((r) => entryOf(getRoundResults(db, r, network, lang)));
  return [...past, entryOf(current)];
}
