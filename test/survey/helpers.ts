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

/** Row counts of the tables a survey writes to, to check that nothing was stored. */
export function surveyTables(t: TestApp) {
  const count = (table: string) => (t.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const drafts = t.db.$client.prepare("select invitation_id, hex(sealed) as sealed from drafts order by invitation_id").all();
  const statuses = t.db.$client.prepare("select id, status from invitations order by id").all();
  return { responses: count("responses"), answers: count("answers"), comments: count("comments"), drafts, statuses };
}

export const survey = (token: string) => `/api/v1/s/${token}`;
