// 3a. Closing a round (freezing its results) of 1k / 10k / 100k responses, and reading its results
// afterwards, each beside the bare SQL that any implementation must at least run.

import { systemClock } from "../src/lib/clock";
import { getRoundResults } from "../src/results/labelled-results";
import { closeRound } from "../src/rounds/lifecycle";
import { benchDb, roundAndNetwork } from "./bench-db";
import { type Figure, figure } from "./figures";
import { frozenSizes, readWholeRow } from "./frozen-row";
import { insertOpenRound } from "./open-round";
import { freezeParts } from "./report-freeze";
import { fillRound, withFastWrites } from "./round-data";
import { median, p95, sample, timeMs } from "./stats";

const SECTION = "Closing a round and reading its results (in process, synchronous=FULL)";
const CLOSE_BUDGET_MS = 2000;
const READ_BUDGET_MS = 20;

const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** Closes, reopens and closes again `runs` times; the milliseconds of each close. */
async function timeClosing(db: ReturnType<typeof benchDb>["db"], roundId: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { round } = roundAndNetwork(db, roundId);
    times.push(await timeMs(() => closeRound({ db, clock: systemClock }, round)));
    if (i < runs - 1) db.$client.prepare("update rounds set status = 'open', closed_at = null where id = ?").run(roundId);
  }
  return times;
}

async function closeOne(n: number): Promise<Figure[]> {
  const bench = benchDb(`close-${label(n)}`);
  try {
    const { db } = bench;
    const roundId = insertOpenRound(db);
    const buildMs = await timeMs(() => withFastWrites(db, () => fillRound(db, roundId, n)));
    // The least any closing must do: read every answer once, through the covering index.
    const aggregate = db.$client.prepare(
      "select item_code, value, count(*) as n from answers where round_id = ? group by item_code, value",
    );
    const bare = await sample(3, () => aggregate.all(roundId));
    // A 100k close takes seconds; once is enough there, and keeps the whole bench under 10 minutes.
    const closing = await timeClosing(db, roundId, n >= 100_000 ? 1 : 3);
    const { round, network } = roundAndNetwork(db, roundId);
    // Where closing's time goes.
    const parts = freezeParts(db, round);
    const sizes = Object.entries(frozenSizes(db, roundId))
      .filter(([, bytes]) => bytes > 1024)
      .map(([column, bytes]) => `${column} ${Math.round(bytes / 1024)} KB`)
      .join(", ");
    const reading = await sample(20, () => getRoundResults(db, round, network, "en"), 2);
    const wholeRow = readWholeRow(db);
    const bareRead = await sample(20, () => wholeRow(roundId), 2);
    const section = SECTION;
    return [
      figure(
        {
          section,
          name: `close ${label(n)} responses (closeRound: freeze + drafts), median of ${closing.length}`,
          value: median(closing),
          unit: "ms",
          reference: { name: "bare GROUP BY item, value over its answers", value: median(bare) },
          note: `of which reading respondents' theme scores ~${Math.round(parts.respondentsMs)} ms, counting answers per item ~${Math.round(parts.talliesMs)} ms, scoring ~${Math.round(parts.scoreMs)} ms; data built in ${Math.round(buildMs)} ms`,
        },
        { text: "≤ 2 s", test: (f) => f.value <= CLOSE_BUDGET_MS },
      ),
      figure(
        {
          section,
          name: `results of ${label(n)} afterwards (getRoundResults), median / p95 of 20`,
          value: median(reading),
          unit: "ms",
          reference: { name: "read + JSON.parse the whole frozen row", value: median(bareRead) },
          note: `p95 ${p95(reading).toFixed(1)} ms; frozen row: ${sizes}`,
        },
        { text: "≤ 20 ms", test: (f) => f.value <= READ_BUDGET_MS },
      ),
    ];
  } finally {
    bench.close();
  }
}

export async function benchClosing(sizes = [1_000, 10_000, 100_000]): Promise<{ figures: Figure[] }> {
  const figures: Figure[] = [];
  for (const n of sizes) figures.push(...(await closeOne(n)));
  return { figures };
}
