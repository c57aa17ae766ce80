// The demo commissioner's portfolio: twelve more networks with two or three closed rounds each, so
// that the heatmap, movers, over-time chart and benchmark show something real. Answers are written
// straight into the rounds (as tests and benchmarks fill them), not submitted one by one, to keep
// the demo's start quick.
import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { grants, rounds, type Stage } from "../db/schema";
import { getInstrument } from "../instrument";
import { createInvitations } from "../invitations/service";
import { dayOf, manualClock } from "../lib/clock";
import type { Config } from "../lib/config";
import type { Db } from "../lib/db";
import { newId } from "../lib/ids";
import { addMembers } from "../members/service";
import { createNetwork } from "../networks/service";
import { updatePortfolioSettings } from "../portfolio/settings";
import { closeRound } from "../rounds/lifecycle";
import { createRound, openRound } from "../rounds/service";
import { writeResponses } from "../survey/submit";
import { demoAnswers, seededRandom } from "./answers";
import { demoRoster } from "./roster";

export const DEMO_PORTFOLIO_NAME = "Valley and Coast care programme";

/** [closing day, respondents, the mean answer members lean towards]. */
type RoundSpec = [string, number, number];

/** Twelve networks: some strong, some needing attention, rises and falls, one round with too few answers. */
export const DEMO_PORTFOLIO: { name: string; stage: Stage; rounds: RoundSpec[] }[] = [
  {
    name: "Riverside Primary Care Network",
    stage: "developing",
    rounds: [
      ["2025-06-20", 14, 3.2],
      ["2026-03-20", 16, 3.8],
    ],
  },
  {
    name: "Coastal Stroke Network",
    stage: "established",
    rounds: [
      ["2025-05-15", 18, 3.9],
      ["2025-11-14", 17, 3.3],
      ["2026-04-17", 15, 3.2],
    ],
  },
  {
    name: "Eastfield Children's Health Partnership",
    stage: "forming",
    rounds: [
      ["2025-09-12", 9, 2.7],
      ["2026-02-27", 11, 2.9],
    ],
  },
  {
    name: "Highland Frailty Collaborative",
    stage: "established",
    rounds: [
      ["2025-04-11", 20, 4.0],
      ["2026-01-23", 19, 4.1],
    ],
  },
  {
    name: "Southbank Mental Health Alliance",
    stage: "developing",
    rounds: [
      ["2025-07-18", 12, 3.0],
      ["2026-03-06", 4, 3.1],
    ],
  },
  {
    name: "Westmoor Cancer Network",
    stage: "renewing",
    rounds: [
      ["2025-10-10", 16, 3.3],
      ["2026-04-24", 18, 4.0],
    ],
  },
  {
    name: "Millbrook Diabetes Network",
    stage: "established",
    rounds: [
      ["2025-06-06", 13, 3.5],
      ["2026-02-13", 12, 3.5],
    ],
  },
  {
    name: "Northgate Urgent Care Partnership",
    stage: "developing",
    rounds: [
      ["2025-08-29", 15, 2.7],
      ["2026-03-27", 14, 2.4],
    ],
  },
  {
    name: "Lakeside Dementia Network",
    stage: "forming",
    rounds: [
      ["2025-11-28", 10, 3.2],
      ["2026-04-03", 10, 3.3],
    ],
  },
  {
    name: "Stonebridge Respiratory Network",
    stage: "established",
    rounds: [
      ["2025-05-30", 17, 3.8],
      ["2026-01-30", 18, 3.1],
    ],
  },
  {
    name: "Harbour Maternity Network",
    stage: "renewing",
    rounds: [
      ["2025-09-26", 14, 3.8],
      ["2026-04-10", 15, 3.9],
    ],
  },
  {
    name: "Greenvale Palliative Care Partnership",
    stage: "developing",
    rounds: [
      ["2025-12-12", 11, 3.1],
      ["2026-03-13", 12, 3.6],
    ],
  },
];

/** Governance stays the weak spot and relationships the strong one, as in most networks. */
const OFFSETS: Record<string, number> = { purpose: 0.15, relationships: 0.3, communication: -0.1, governance: -0.35, value: 0 };

function runRound(deps: { db: Db; config: Config }, facilitator: Actor, networkId: string, spec: RoundSpec, seed: number) {
  const [day, respondents, lean] = spec;
  const closes = new Date(`${day}T16:00:00Z`);
  const opens = new Date(closes.getTime() - 21 * 86_400_000);
  const at = (when: Date) => ({ ...deps, clock: manualClock(when.toISOString()) });
  const created = createRound(at(new Date(opens.getTime() - 86_400_000)), facilitator, networkId, {
    title: `Temperature check ${closes.toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" })}`,
    closesAt: closes,
  });
  const draft = deps.db.select().from(rounds).where(eq(rounds.id, created.id)).get();
  if (!draft) throw new Error("demo round vanished");
  createInvitations(at(opens), facilitator, draft, { all: true });
  openRound(at(opens), facilitator, draft);
  const instrument = getInstrument("core", 1);
  if (!instrument) throw new Error("core v1 missing");
  const random = seededRandom(seed);
  const leanings = Object.fromEntries(Object.entries(OFFSETS).map(([code, offset]) => [code, lean + offset]));
  const answers = Array.from({ length: respondents }, () => demoAnswers(instrument, leanings, random));
  deps.db.transaction(() => writeResponses(deps.db, draft.id, instrument, dayOf(opens), answers));
  const open = deps.db.select().from(rounds).where(eq(rounds.id, created.id)).get();
  if (open) closeRound(at(closes), open, closes);
}

/**
 * Adds the portfolio's networks (granted to the commissioner, run by the facilitator), names the
 * commissioner's portfolio and opts in to the benchmark first, so that rounds closing after five
 * networks have results carry it.
 */
export function seedDemoPortfolio(deps: { db: Db; config: Config }, facilitator: Actor, commissioner: Actor) {
  const clock = manualClock("2025-03-01T09:00:00Z");
  updatePortfolioSettings({ db: deps.db, clock }, commissioner, { name: DEMO_PORTFOLIO_NAME, benchmark: true });
  const roster = demoRoster();
  const networks = DEMO_PORTFOLIO.map((spec) => {
    const network = createNetwork({ db: deps.db, clock }, facilitator, { name: spec.name, stage: spec.stage });
    deps.db
      .insert(grants)
      .values({ id: newId(), networkId: network.id, userId: commissioner.userId, role: "commissioner", createdAt: clock.now() })
      .run();
    // About four in five invited answer the largest round.
    const largest = Math.max(...spec.rounds.map(([, n]) => n));
    addMembers({ db: deps.db, clock }, facilitator, network.id, roster.slice(0, Math.ceil(largest * 1.25)));
    return network;
  });
  // Every round in closing order, across networks, so that each benchmark sees the portfolio as it was.
  const all = DEMO_PORTFOLIO.flatMap((spec, i) =>
    spec.rounds.map((round, j) => ({ networkId: networks[i]?.id ?? "", round, seed: 9000 + i * 10 + j })),
  );
  all.sort((a, b) => a.round[0].localeCompare(b.round[0]));
  for (const { networkId, round, seed } of all) runRound(deps, facilitator, networkId, round, seed);
  return networks;
}
