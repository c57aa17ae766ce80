import { eq } from "drizzle-orm";
import { createAction, updateAction } from "../actions/service";
import type { Actor } from "../auth/actor";
import { releaseAll, setCommentStatus } from "../comments/service";
import { type RoundModule, rounds } from "../db/schema";
import { getInstrument } from "../instrument";
import { createInvitations } from "../invitations/service";
import { type Clock, manualClock } from "../lib/clock";
import type { Config } from "../lib/config";
import type { Db } from "../lib/db";
import { closeRound } from "../rounds/lifecycle";
import { createRound, openRound } from "../rounds/service";
import { roundModules } from "../survey/modules";
import { createSurveyStore } from "../survey/store";
import { submitResponse } from "../survey/submit";
import { demoAnswers, type Leanings, seededRandom } from "./answers";
import { demoModuleAnswers } from "./module-answers";

interface DemoRound {
  title: string;
  created: string;
  opens: string;
  closes: string;
  respondents: number;
  leanings: Leanings;
  modules?: RoundModule[];
  actions: { title: string; owner: string; due: string; status?: "open" | "in_progress" | "done" | "dropped"; note?: string }[];
}

/**
 * Three temperature checks half a year apart: the network warms up, governance stays the weak spot.
 * The third adds the network map and the maturity matrix, with answers to both.
 */
export const DEMO_ROUNDS: DemoRound[] = [
  {
    title: "Autumn 2025 temperature check",
    created: "2025-09-29T09:00:00Z",
    opens: "2025-10-06T08:00:00Z",
    closes: "2025-10-31T17:00:00Z",
    respondents: 24,
    leanings: { purpose: 3.4, relationships: 3.6, communication: 2.9, governance: 2.6, value: 3.1 },
    actions: [
      {
        title: "Publish a monthly two-way bulletin with a 'you said, we did' section",
        owner: "Communications lead",
        due: "2026-01-31",
        status: "done",
        note: "Four issues out; replies doubled.",
      },
      {
        title: "Write down who decides what between steering group meetings",
        owner: "Chair of the steering group",
        due: "2026-02-28",
        status: "in_progress",
        note: "Draft terms of reference out for comment.",
      },
      {
        title: "Invite a voluntary sector partner to co-chair a workstream",
        owner: "Network facilitator",
        due: "2026-03-31",
        status: "open",
      },
    ],
  },
  {
    title: "Spring 2026 temperature check",
    created: "2026-04-06T09:00:00Z",
    opens: "2026-04-13T08:00:00Z",
    closes: "2026-05-08T17:00:00Z",
    respondents: 29,
    leanings: { purpose: 3.7, relationships: 3.8, communication: 3.5, governance: 2.8, value: 3.3 },
    actions: [
      { title: "Rotate the chair of each workstream every six months", owner: "Steering group", due: "2026-09-30" },
      { title: "Show one outcome measure per workstream at each network meeting", owner: "Data and evaluation lead", due: "2026-10-31" },
    ],
  },
  {
    title: "Autumn 2026 temperature check",
    created: "2026-10-05T09:00:00Z",
    opens: "2026-10-12T08:00:00Z",
    closes: "2026-11-06T17:00:00Z",
    respondents: 27,
    leanings: { purpose: 3.8, relationships: 3.9, communication: 3.6, governance: 3.0, value: 3.4 },
    modules: ["connections", "maturity"],
    actions: [],
  },
];

const at = (iso: string): Clock => manualClock(iso);

/** Runs one round the way facilitators and members do: create, invite, open, answer, close, review. */
function runRound(db: Db, config: Config, facilitator: Actor, networkId: string, spec: DemoRound, seed: number) {
  const random = seededRandom(seed);
  const created = createRound({ db, clock: at(spec.created), config }, facilitator, networkId, {
    title: spec.title,
    closesAt: new Date(spec.closes),
    modules: spec.modules,
  });
  let round = db.select().from(rounds).where(eq(rounds.id, created.id)).get();
  if (!round) throw new Error("demo round vanished");
  const links = createInvitations({ db, clock: at(spec.created), config }, facilitator, round, { all: true });
  openRound({ db, clock: at(spec.opens), config }, facilitator, round);
  const instrument = getInstrument("core", 1);
  if (!instrument) throw new Error("core v1 missing");
  const days = (new Date(spec.closes).getTime() - new Date(spec.opens).getTime()) / 86_400_000;
  const usedComments = new Set<string>();
  const survey = createSurveyStore(db);
  // A round with modules (and, for connections, the organisations it snapshotted when it opened) gets their answers too.
  const { modules, organisations } = roundModules(db, round);
  links.slice(0, spec.respondents).forEach((link, i) => {
    const token = link.url.slice(link.url.lastIndexOf("/") + 1);
    // Most answers arrive in the first days and after the reminder halfway through.
    const day = Math.floor((i % 3 === 0 ? days / 2 : 0) + random() * (days / 2 - 1));
    const clock = at(new Date(new Date(spec.opens).getTime() + day * 86_400_000 + 3_600_000).toISOString());
    const answers = demoAnswers(instrument, spec.leanings, random, usedComments);
    submitResponse({ db, clock, survey }, token, { ...answers, ...demoModuleAnswers(modules, organisations, spec.leanings, random) });
  });
  round = db.select().from(rounds).where(eq(rounds.id, created.id)).get();
  if (!round) throw new Error("demo round vanished");
  const closed = closeRound({ db, clock: at(spec.closes) }, round, new Date(spec.closes));
  const afterMeeting = at(new Date(new Date(spec.closes).getTime() + 14 * 86_400_000).toISOString());
  const comments = releaseAll({ db, clock: afterMeeting }, facilitator, closed);
  // One comment named a person; the facilitator hid it.
  const named = comments.find((c) => c.theme === "governance") ?? comments[0];
  if (named) setCommentStatus({ db, clock: afterMeeting }, facilitator, closed, { ...named, roundId: closed.id }, "hidden");
  return closed;
}

/** The demo network's closed rounds, filled through the same submission code members use. */
export function seedDemoRounds(deps: { db: Db; config: Config }, facilitator: Actor, networkId: string) {
  const { db, config } = deps;
  const closed = DEMO_ROUNDS.map((spec, i) => runRound(db, config, facilitator, networkId, spec, 20251 + i));
  DEMO_ROUNDS.forEach((spec, i) => {
    const round = closed[i];
    if (!round) return;
    for (const action of spec.actions) {
      const meeting = at(new Date(new Date(spec.closes).getTime() + 14 * 86_400_000).toISOString());
      const created = createAction({ db, clock: meeting }, facilitator, networkId, {
        roundId: round.id,
        title: action.title,
        owner: action.owner,
        due: action.due,
      });
      if (action.status && action.status !== "open") {
        const row = { ...created, closedAt: null, createdAt: new Date(created.createdAt), updatedAt: new Date(created.updatedAt) };
        updateAction({ db, clock: at("2026-04-01T09:00:00Z") }, facilitator, row, { status: action.status, note: action.note });
      }
    }
  });
  return closed;
}
