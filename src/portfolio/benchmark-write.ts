// Freezing a closing round's benchmark: the portfolio average its mirror report shows beside the
// network's own scores, when the network's commissioner has opted in. Worked out once, at closing.
import { and, eq, sql } from "drizzle-orm";
import { type BenchmarkThemes, grants, networks, portfolios, type RoundRow, roundBenchmarks, users } from "../db/schema";
import { THEME_CODES } from "../instrument/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { roundTo } from "../results/rounding";
import { averages, splitLatest } from "./figures";
import { latestRounds, type Scope } from "./queries";

/** Fewest networks with an unsuppressed round for a portfolio average to be shown at all. */
export const BENCHMARK_MIN_NETWORKS = 5;

/**
 * The opted-in portfolio a network's reports benchmark against: of the active people whose
 * portfolio holds the network and shows a benchmark, the portfolio with the most networks (ties:
 * by name). Undefined when there is none.
 */
export function benchmarkPortfolio(db: Db, networkId: string): { name: string; scope: Scope } | undefined {
  const total = db.select({ n: sql<number>`count(*)` }).from(networks).get()?.n ?? 0;
  const candidates = db
    .select({
      userId: portfolios.userId,
      name: portfolios.name,
      role: users.role,
      held: sql<number>`(select count(*) from ${grants} g where g.user_id = ${portfolios.userId})`,
      holds: sql<number>`exists (select 1 from ${grants} g where g.user_id = ${portfolios.userId} and g.network_id = ${networkId})`,
    })
    .from(portfolios)
    .innerJoin(users, eq(users.id, portfolios.userId))
    .where(and(eq(portfolios.benchmark, true), eq(users.active, true)))
    .all()
    .filter((p) => p.role === "admin" || p.holds === 1)
    .map((p) => ({ ...p, size: p.role === "admin" ? total : p.held }))
    .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name, "en") || a.userId.localeCompare(b.userId));
  const chosen = candidates[0];
  if (!chosen) return undefined;
  return { name: chosen.name, scope: chosen.role === "admin" ? { all: true } : { userId: chosen.userId } };
}

/**
 * The benchmark of a portfolio as it stands: per theme the unweighted average of its networks'
 * latest unsuppressed rounds, as a whole number, and of how many networks; null when fewer than
 * BENCHMARK_MIN_NETWORKS have a figure. Undefined when fewer than that have an unsuppressed round.
 */
export function portfolioBenchmark(db: Db, scope: Scope, instrument: { id: string; version: number }) {
  const { unsuppressed } = splitLatest(latestRounds(db, scope, instrument));
  if (unsuppressed.size < BENCHMARK_MIN_NETWORKS) return undefined;
  const figures = averages(unsuppressed);
  const themes: BenchmarkThemes = {};
  for (const code of THEME_CODES) {
    const { mean, networks: count } = figures[code];
    themes[code] = mean === null || count < BENCHMARK_MIN_NETWORKS ? null : { average: roundTo(mean, 0), networks: count };
  }
  return { networks: unsuppressed.size, themes };
}

/** Freezes the benchmark of a round that has just closed (its figures already written); never replaces one. */
export function freezeBenchmark(db: Db, clock: Clock, round: RoundRow): void {
  const portfolio = benchmarkPortfolio(db, round.networkId);
  if (!portfolio) return;
  const own = db.$client.prepare("select suppressed from round_figures where round_id = ?").get(round.id) as
    | { suppressed: number }
    | undefined;
  if (!own || own.suppressed === 1) return;
  const benchmark = portfolioBenchmark(db, portfolio.scope, { id: round.instrumentId, version: round.instrumentVersion });
  if (!benchmark) return;
  db.insert(roundBenchmarks)
    .values({ roundId: round.id, portfolioName: portfolio.name, ...benchmark, createdAt: clock.now() })
    .onConflictDoNothing()
    .run();
}
