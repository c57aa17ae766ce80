// What a portfolio page works out from every network's latest rounds (the heatmap's rows, the
// averages, the quarters), kept between requests while the data it came from is unchanged. At
// national scale that is most of a page's time (3,000 networks: ~100 ms of SQL and Welch tests, and
// 24,000 rounds for the over-time chart), while the data changes only when a round closes or a
// network or grant changes, which raises the `portfolio` row of data_versions (a trigger does it).
import { eq } from "drizzle-orm";
import { dataVersions } from "../db/schema";
import type { Db } from "../lib/db";

/** Portfolios kept at once: one per person (or the administrators' "all"), the least recent dropped. */
const KEPT = 8;

export interface PortfolioCache {
  /** The value for `key` worked out at the database's current portfolio version; `compute` runs when there is none. */
  get<T>(db: Db, key: string, compute: () => T): T;
  /**
   * Works out again every kept value whose data has changed since, so that the next page is ready
   * at once; resolves with how many. One at a time, letting requests in between: each takes as long
   * as a page would. The scheduled closer calls it after each look for due rounds.
   */
  refresh(db: Db): Promise<number>;
}

/** The portfolio's data version: raised by triggers whenever anything the portfolio reads changes. */
export function portfolioVersion(db: Db): number {
  const row = db.select({ version: dataVersions.version }).from(dataVersions).where(eq(dataVersions.name, "portfolio")).get();
  if (!row) throw new Error("data_versions has no portfolio row: the migrations were not applied");
  return row.version;
}

/**
 * A small least-recently-used cache of worked-out portfolios, checked against the data version on
 * every read: a stale value is never returned. Built once per app (src/app.ts, appDeps).
 */
export function createPortfolioCache(kept = KEPT): PortfolioCache {
  const entries = new Map<string, { version: number; value: unknown; compute: () => unknown }>();
  return {
    get<T>(db: Db, key: string, compute: () => T): T {
      const version = portfolioVersion(db);
      const found = entries.get(key);
      entries.delete(key);
      if (found && found.version === version) {
        entries.set(key, found);
        return found.value as T;
      }
      const value = compute();
      entries.set(key, { version, value, compute });
      for (const oldest of entries.keys()) {
        if (entries.size <= kept) break;
        entries.delete(oldest);
      }
      return value;
    },
    async refresh(db) {
      let refreshed = 0;
      for (const entry of [...entries.values()]) {
        await new Promise((resolve) => setImmediate(resolve));
        const version = portfolioVersion(db);
        if (entry.version === version) continue;
        entry.value = entry.compute();
        entry.version = version;
        refreshed++;
      }
      return refreshed;
    },
  };
}
