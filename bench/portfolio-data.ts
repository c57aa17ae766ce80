// A national programme's portfolio written straight in SQL: 3,000 networks × 8 closed rounds
// (24,000 rounds, about 3 million responses by their counts). Only what reads need is stored:
// each round's frozen summary (compare) and its row of portfolio figures (heatmap, averages,
// movers, over time). One real closed round of 125 responses carries full results for the report.
import { FIGURE_CODES } from "../src/db/schema";
import { seededRandom } from "../src/demo/answers";
import { systemClock } from "../src/lib/clock";
import type { Db } from "../src/lib/db";
import { newId } from "../src/lib/ids";
import { closeRound } from "../src/rounds/lifecycle";
import { roundAndNetwork } from "./bench-db";
import { insertOpenRound } from "./open-round";
import { fillRound, withFastWrites } from "./round-data";

export const NETWORKS = 3_000;
export const ROUNDS = 8;
/** Respondents per round on average: 24,000 rounds × 125 = 3 million responses. */
export const RESPONDENTS = 125;

const FIGURE_COLUMNS = FIGURE_CODES.flatMap((c) => [`${c}_score`, `${c}_sd`, `${c}_n`, `${c}_delta`, `${c}_notable`]);
const THEME_OFFSETS = [0, 4, 7, -2, -9, 1];

/**
 * Builds the portfolio, granted to `userId` (whose portfolio is named and opted in to the
 * benchmark). Returns the network ids and the real round (the last network's latest).
 */
export function buildNationalPortfolio(db: Db, userId: string): { ids: string[]; reportRound: string } {
  const client = db.$client;
  // The real round: closed through the closing code, with its full frozen results.
  const reportRound = insertOpenRound(db, Date.parse("2026-06-01T00:00:00Z"));
  withFastWrites(db, () => fillRound(db, reportRound, RESPONDENTS));
  const random = seededRandom(16);
  const ids: string[] = [];
  withFastWrites(db, () => {
    const network = client.prepare("insert into networks (id, name, stage, created_at) values (?, ?, ?, ?)");
    const grant = client.prepare("insert into grants (id, network_id, user_id, role, created_at) values (?, ?, ?, 'commissioner', ?)");
    const round = client.prepare(
      `insert into rounds (id, network_id, title, instrument_id, instrument_version, status, min_responses, opened_at, closed_at, created_at)
       values (?, ?, ?, 'core', 1, 'closed', 5, ?, ?, ?)`,
    );
    const results = client.prepare(
      "insert into round_results (round_id, published, summary, computed_at, format, scores) values (?, '{}', ?, ?, 2, '{}')",
    );
    const figures = client.prepare(
      `insert into round_figures (round_id, n, response_rate, confidence, suppressed, ${FIGURE_COLUMNS.join(", ")})
       values (?, ?, ?, ?, ?, ${FIGURE_COLUMNS.map(() => "?").join(", ")})`,
    );
    const stages = ["forming", "developing", "established", "renewing"];
    const start = Date.parse("2022-09-01T00:00:00Z");
    client.transaction(() => {
      client
        .prepare("insert into portfolios (user_id, name, benchmark, updated_at) values (?, 'National programme', 1, ?)")
        .run(userId, start);
      for (let i = 0; i < NETWORKS; i++) {
        const id = newId();
        ids.push(id);
        network.run(id, `Network ${String(i).padStart(4, "0")}`, stages[i % 4], start);
        grant.run(newId(), id, userId, start);
        const base = 45 + random() * 35;
        let previous: number[] | null = null;
        for (let r = 0; r < ROUNDS; r++) {
          const closed = start + r * 182 * 86_400_000 + Math.floor(random() * 60) * 86_400_000;
          const roundId = newId();
          round.run(roundId, id, `Round ${r + 1}`, closed - 21 * 86_400_000, closed, closed - 28 * 86_400_000);
          const n = Math.round(RESPONDENTS * (0.4 + random() * 1.2));
          const suppressed = random() < 0.01;
          const scores = THEME_OFFSETS.map((offset) => Math.min(100, Math.max(0, base + offset + (random() - 0.5) * 16)));
          const summary = {
            n: suppressed ? 3 : n,
            responseRate: 50 + Math.round(random() * 450) / 10,
            suppressed,
            overall: suppressed ? null : Math.round((scores[0] ?? 0) * 10) / 10,
            themes: suppressed
              ? null
              : Object.fromEntries(FIGURE_CODES.slice(1).map((c, k) => [c, Math.round((scores[k + 1] ?? 0) * 10) / 10])),
            overallChange: null,
          };
          results.run(roundId, JSON.stringify(summary), closed);
          const values = FIGURE_CODES.flatMap((_, k) => {
            if (suppressed) return [null, null, 0, null, 0];
            const score = scores[k] ?? 0;
            const delta = previous ? Math.round((score - (previous[k] ?? 0)) * 10) / 10 : null;
            return [score, 14 + random() * 8, n, delta, delta !== null && Math.abs(delta) > 4 ? 1 : 0];
          });
          figures.run(roundId, summary.n, summary.responseRate, n >= 100 ? "high" : "moderate", suppressed ? 1 : 0, ...values);
          if (!suppressed) previous = scores;
        }
      }
    })();
  });
  // The report's network joins the portfolio; its round closes now, freezing its benchmark.
  const { round } = roundAndNetwork(db, reportRound);
  client
    .prepare("insert into grants (id, network_id, user_id, role, created_at) values (?, ?, ?, 'commissioner', ?)")
    .run(newId(), round.networkId, userId, Date.now());
  closeRound({ db, clock: systemClock }, round);
  return { ids, reportRound };
}
