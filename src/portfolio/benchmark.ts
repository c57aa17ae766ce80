// Reading a round's frozen benchmark for its mirror report: the portfolio average per theme,
// whole numbers, "average of 14 networks in <portfolio name>". Written at closing (benchmark-write.ts).
import { eq } from "drizzle-orm";
import { roundBenchmarks } from "../db/schema";
import { portfolioMessages } from "../i18n/portfolio";
import type { Lang } from "../instrument";
import type { Db } from "../lib/db";
import { formatterFor, MISSING } from "../lib/format";

export type RoundBenchmark = typeof roundBenchmarks.$inferSelect;

/** The benchmark frozen when the round closed, if its network's commissioner had opted in. */
export function roundBenchmark(db: Db, roundId: string): RoundBenchmark | undefined {
  return db.select().from(roundBenchmarks).where(eq(roundBenchmarks.roundId, roundId)).get();
}

/** The benchmark as the report shows it: a column header, each theme's average and the caption. */
export function benchmarkView(benchmark: RoundBenchmark, lang: Lang) {
  const m = portfolioMessages(lang);
  const f = formatterFor(lang);
  return {
    header: m.benchmarkHeader,
    averages: Object.fromEntries(Object.entries(benchmark.themes).map(([code, value]) => [code, value ? f.count(value.average) : MISSING])),
    caption: m.benchmarkCaption(f.count(benchmark.networks), benchmark.portfolioName),
  };
}
