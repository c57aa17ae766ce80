// The PDF cache: a closed round's report per language, kept until something it shows changes.

import { createHash } from "node:crypto";
import { and, asc, eq, lte } from "drizzle-orm";
import { reportActions } from "../actions/report-actions";
import type { NetworkRow, RoundRow } from "../db/schema";
import { comments, reportCache, rounds } from "../db/schema";
import type { Lang } from "../instrument";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";

/** Bump whenever the report's content or look changes, so that every cached PDF is made again. */
export const REPORT_FORMAT_VERSION = 2;

/**
 * The cache key of a round's report: SHA-256 over everything it shows that may change after the
 * round closed (the frozen scores never do). Cheap: a few indexed reads, no scoring.
 */
export function reportCacheKey(db: Db, round: RoundRow, network: NetworkRow, lang: Lang): string {
  const commentRows = db
    .select({ id: comments.id, status: comments.status })
    .from(comments)
    .where(eq(comments.roundId, round.id))
    .orderBy(asc(comments.id))
    .all();
  const released = commentRows.filter((c) => c.status === "released").map((c) => [c.id, c.status]);
  // The actions the report lists (carried forward from any earlier round), as they stand.
  const actionRows = reportActions(db, round)
    .map((a) => [a.id, a.updatedAt])
    .sort(([a], [b]) => (a ?? "").localeCompare(b ?? ""));
  // The trend page names the earlier closed rounds by title.
  const history = round.closedAt
    ? db
        .select({ id: rounds.id, title: rounds.title })
        .from(rounds)
        .where(and(eq(rounds.networkId, round.networkId), eq(rounds.status, "closed"), lte(rounds.closedAt, round.closedAt)))
        .orderBy(asc(rounds.id))
        .all()
        .map((r) => [r.id, r.title])
    : [];
  const material = JSON.stringify({
    roundId: round.id,
    lang,
    format: REPORT_FORMAT_VERSION,
    round: [round.title, round.closedAt?.getTime() ?? null],
    network: [network.name, network.stage, network.timeZone],
    released,
    withheld: commentRows.length - released.length,
    actions: actionRows,
    history,
  });
  return createHash("sha256").update(material).digest("hex");
}

/** The cached PDF for this key, if the stored one is current. */
export function cachedReport(db: Db, roundId: string, lang: Lang, key: string): Buffer | undefined {
  const row = db
    .select({ key: reportCache.key, pdf: reportCache.pdf })
    .from(reportCache)
    .where(and(eq(reportCache.roundId, roundId), eq(reportCache.lang, lang)))
    .get();
  return row && row.key === key ? row.pdf : undefined;
}

/** Keeps a freshly rendered PDF, replacing the round's older one in that language. */
export function storeReport(deps: { db: Db; clock: Clock }, roundId: string, lang: Lang, key: string, pdf: Buffer): void {
  deps.db
    .insert(reportCache)
    .values({ roundId, lang, key, pdf, createdAt: deps.clock.now() })
    .onConflictDoUpdate({ target: [reportCache.roundId, reportCache.lang], set: { key, pdf, createdAt: deps.clock.now() } })
    .run();
}
