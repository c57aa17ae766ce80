// 3b. The commissioners' compare of 500 networks × 6 closed rounds: the verb and the HTTP route,
// beside the one bare SQL query it needs.
import type { Actor } from "../src/auth/actor";
import { compareNetworks } from "../src/compare/service";
import { systemClock } from "../src/lib/clock";
import type { Db } from "../src/lib/db";
import { newId } from "../src/lib/ids";
import { closeRound } from "../src/rounds/lifecycle";
import { benchDb, roundAndNetwork } from "./bench-db";
import { type Figure, figure } from "./figures";
import { before, frozenColumns, frozenCopier, frozenSizes } from "./frozen-row";
import { serveApp, signedIn } from "./in-process-app";
import { insertOpenRound } from "./open-round";
import { fillRound } from "./round-data";
import { median, p95, sample } from "./stats";

const SECTION = "Commissioners' compare: 500 networks × 6 closed rounds";
const NETWORKS = 500;
const ROUNDS = 6;
const BUDGET_MS = 100;

/** The id of a real closed 40-response round, whose frozen row every round copies. */
function frozenTemplate(db: Db): string {
  const roundId = insertOpenRound(db);
  fillRound(db, roundId, 40);
  closeRound({ db, clock: systemClock }, roundAndNetwork(db, roundId).round);
  return roundId;
}

/** 500 networks, each granted to one commissioner, with 6 closed rounds half a year apart. */
function buildPortfolio(db: Db, userId: string): { ids: string[]; template: string } {
  const client = db.$client;
  const template = frozenTemplate(db);
  const copy = frozenCopier(db);
  const network = client.prepare("insert into networks (id, name, stage, created_at) values (?, ?, 'developing', ?)");
  const grant = client.prepare("insert into grants (id, network_id, user_id, role, created_at) values (?, ?, ?, 'commissioner', ?)");
  const round = client.prepare(
    `insert into rounds (id, network_id, title, instrument_id, instrument_version, status, min_responses, opened_at, closed_at, created_at)
     values (?, ?, ?, 'core', 1, 'closed', 5, ?, ?, ?)`,
  );
  const ids: string[] = [];
  const start = Date.parse("2023-01-01T00:00:00Z");
  client.transaction(() => {
    for (let i = 0; i < NETWORKS; i++) {
      const id = newId();
      ids.push(id);
      network.run(id, `Network ${String(i).padStart(3, "0")}`, start);
      grant.run(newId(), id, userId, start);
      for (let r = 0; r < ROUNDS; r++) {
        const closed = start + r * 182 * 86_400_000 + i * 60_000;
        const roundId = newId();
        round.run(roundId, id, `Round ${r + 1}`, closed - 21 * 86_400_000, closed, closed - 28 * 86_400_000);
        copy(roundId, template);
      }
    }
  })();
  return { ids, template };
}

export async function benchCompare(): Promise<{ figures: Figure[] }> {
  const bench = benchDb("compare");
  const server = await serveApp(bench.db);
  try {
    const { db } = bench;
    const user = signedIn(db, "commissioner");
    const { ids, template } = buildPortfolio(db, user.userId);
    const actor: Actor = { userId: user.userId, email: "c@example.org", name: "Bench commissioner", role: "commissioner", via: "session" };
    const deps = { db, clock: systemClock };
    const verb = await sample(20, () => compareNetworks(deps, actor, { networkIds: ids, instrument: "core" }), 2);
    const url = `${server.url}/api/v1/compare?networkIds=${ids.join(",")}`;
    const route = await sample(
      20,
      async () => {
        const res = await fetch(url, { headers: { Cookie: user.cookie, Accept: "application/json" } });
        if (res.status !== 200) throw new Error(`compare answered ${res.status}`);
        await res.arrayBuffer();
      },
      2,
    );
    const placeholders = ids.map(() => "?").join(",");
    const bareQuery = db.$client.prepare(
      `select r.id, r.network_id, r.title, r.closed_at, rr.summary from rounds r join round_results rr on rr.round_id = r.id
        where r.network_id in (${placeholders}) and r.status = 'closed' and r.instrument_id = 'core' and r.instrument_version = 1
        order by r.closed_at, r.id`,
    );
    const bare = await sample(20, () => bareQuery.all(...ids).map((row) => JSON.parse((row as { summary: string }).summary)), 2);
    // The same rows without the summary column: what reading `summary` itself costs.
    const idsOnly = db.$client.prepare(
      `select r.id from rounds r join round_results rr on rr.round_id = r.id where r.network_id in (${placeholders}) order by r.closed_at, r.id`,
    );
    const bareIds = await sample(20, () => idsOnly.all(...ids), 2);
    const reference = { name: "bare SQL: the same join + JSON.parse of each summary", value: median(bare) };
    const budget = { text: "≤ 100 ms", test: (f: Figure) => f.value <= BUDGET_MS };
    return {
      figures: [
        figure(
          {
            section: SECTION,
            name: "compareNetworks (the verb), median of 20",
            value: median(verb),
            unit: "ms",
            reference,
            note: `p95 ${p95(verb).toFixed(1)} ms`,
          },
          budget,
        ),
        figure({
          section: SECTION,
          name: "bare SQL join reading the summary column, median of 20",
          value: median(bare),
          unit: "ms",
          reference: { name: "the same join without the summary column", value: median(bareIds) },
          note: `in round_results, summary is stored after ${before(frozenSizes(db, template), frozenColumns(db), "summary")}`,
        }),
        figure(
          {
            section: SECTION,
            name: "GET /api/v1/compare over HTTP, median of 20",
            value: median(route),
            unit: "ms",
            reference,
            note: `p95 ${p95(route).toFixed(1)} ms`,
          },
          budget,
        ),
      ],
    };
  } finally {
    await server.close();
    bench.close();
  }
}
