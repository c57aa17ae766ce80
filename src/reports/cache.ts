// The PDF cache: a closed round's report per language, kept until something it shows changes.

import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { reportCache } from "../db/schema";
import type { Lang } from "../instrument";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";

/**
 * Bump whenever the PDF changes while the HTML does not (the renderer's page set-up, fonts), so
 * that every cached PDF is made again. Changes to the report's content or markup need no bump.
 */
export const REPORT_FORMAT_VERSION = 2;

/**
 * The cache key of a report: SHA-256 over the very HTML the PDF is printed from, the page footer
 * printed around it and the format version. One source of truth: whatever changes what the
 * report shows changes the key, with no second list of its inputs to keep in step. (The cover
 * names the day the report was made, so a PDF is kept for the rest of that day.)
 * @example reportCacheKey(html, { footer: "North Valley · Spring 2026" })
 */
export function reportCacheKey(html: string, pageSetup: object): string {
  return createHash("sha256")
    .update(JSON.stringify({ format: REPORT_FORMAT_VERSION, pageSetup }))
    .update("\n")
    .update(html)
    .digest("hex");
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
