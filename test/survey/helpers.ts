import { getInstrument } from "../../src/instrument";
import { poolFor } from "../../src/survey/pool";
import type { TestApp } from "../support/app";
import { makeInvitation, makeMember, makeNetwork, makeRound } from "../support/factories";

/** An open round with one invited member; `token` is the member's link. */
export function openSurvey(t: TestApp, round: Parameters<typeof makeRound>[2] = {}) {
  const network = makeNetwork(t.deps);
  const member = makeMember(t.deps, network.id, { name: "Anna de Vries", email: "anna.devries@example.org" });
  const openRound = makeRound(t.deps, network.id, { status: "open", openedAt: t.clock.now(), ...round });
  const invitation = makeInvitation(t.deps, openRound.id, { memberId: member.id });
  return { network, member, round: openRound, invitation, token: invitation.token };
}

/** A valid response touching every field. */
export function fullResponse() {
  return {
    answers: { "purpose.1": 4, "purpose.2": "dont_know", "relationships.1": 2, "value.3": 5 },
    overall: 7,
    trend: "better",
    involvement: "active",
    profile: { organisationType: "hospital", professionalGroup: "nursing" },
    comments: { purpose: "  We need clearer priorities.  ", governance: "   " },
  };
}

/**
 * Row counts of the tables a survey writes to, to check that nothing was stored. `responses` counts
 * every stored response, still sealed in the pending pool or written out.
 */
export function surveyTables(t: TestApp) {
  const count = (table: string) => (t.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return {
    responses: count("responses") + count("pending_responses"),
    answers: count("answers"),
    comments: count("comments"),
    drafts: t.db.$client.prepare("select invitation_id, hex(sealed) as sealed from drafts order by invitation_id").all(),
    statuses: t.db.$client.prepare("select id, status from invitations order by id").all(),
  };
}

/**
 * Writes every pending response out, one batch per round, as closing the rounds would: for tests
 * that look at the rows a submission ends up as.
 */
export function writePending(t: TestApp): void {
  const core = getInstrument("core", 1);
  if (!core) throw new Error("core v1 is missing");
  const rounds = t.db.$client.prepare("select distinct round_id from pending_responses").pluck().all() as string[];
  t.db.transaction(() => {
    for (const roundId of rounds) poolFor(t.db).flushAll(roundId, core);
  });
}

export const survey = (token: string) => `/api/v1/s/${token}`;
