import { and, asc, eq, inArray } from "drizzle-orm";
import { roundResults, rounds } from "../db/schema";
import { THEME_CODES, type ThemeCode } from "../instrument";
import type { Db } from "../lib/db";
import type { RoundSummary } from "../results/frozen";
import { maturityMediansOf } from "./maturity";
import type { CompareRound } from "./schemas";

/** A compared round plus the change the results give for its temperature (for the portfolio). */
export interface SummarisedRound extends CompareRound {
  overallChange: RoundSummary["overallChange"];
}

function themesOf(summary: RoundSummary): Record<ThemeCode, number | null> | null {
  if (summary.suppressed || !summary.themes) return null;
  const themes = summary.themes;
  return Object.fromEntries(THEME_CODES.map((code) => [code, themes[code] ?? null])) as Record<ThemeCode, number | null>;
}

/**
 * The closed rounds of `networkIds` on one instrument version, oldest first, grouped by network,
 * in one query. Reads the small summary frozen at closing (rounded as the results endpoint rounds)
 * rather than each round's full results, so hundreds of networks stay quick.
 */
export function closedRoundSummaries(
  db: Db,
  networkIds: readonly string[],
  instrument: { id: string; version: number },
): Map<string, SummarisedRound[]> {
  const rows = db
    .select({ id: rounds.id, networkId: rounds.networkId, title: rounds.title, closedAt: rounds.closedAt, summary: roundResults.summary })
    .from(rounds)
    .innerJoin(roundResults, eq(roundResults.roundId, rounds.id))
    .where(
      and(
        inArray(rounds.networkId, [...networkIds]),
        eq(rounds.status, "closed"),
        eq(rounds.instrumentId, instrument.id),
        eq(rounds.instrumentVersion, instrument.version),
      ),
    )
    // rounds_network_idx (network_id, closed_at) serves this; the id breaks ties of equal times.
    .orderBy(asc(rounds.closedAt), asc(rounds.id))
    .all();
  const byNetwork = new Map<string, SummarisedRound[]>(networkIds.map((id) => [id, []]));
  for (const row of rows) {
    const summary = row.summary as RoundSummary;
    byNetwork.get(row.networkId)?.push({
      id: row.id,
      title: row.title,
      closedAt: (row.closedAt ?? new Date(0)).toISOString(),
      n: summary.n,
      responseRate: summary.responseRate,
      suppressed: summary.suppressed,
      overall: summary.suppressed ? null : summary.overall,
      themes: themesOf(summary),
      maturity: maturityMediansOf(summary),
      overallChange: summary.suppressed ? null : summary.overallChange,
    });
  }
  return byNetwork;
}
