import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeCast, makeInvitation, makeMember, makeRound } from "../support/factories";
import { callAs, EVERYONE, manageMatrix, viewMatrix, type Who } from "./support";

type Prepared = { method: string; path: string; body?: unknown };
type Case = {
  name: string;
  expected: Record<Who, number>;
  prepare: (t: ReturnType<typeof createTestApp>, c: ReturnType<typeof makeCast>) => Prepared;
};

// Each call gets a fresh round, so one person's success cannot change what the next one sees.
const CASES: Case[] = [
  {
    name: "POST /networks/:id/rounds",
    expected: manageMatrix(201),
    prepare: (_, c) => ({ method: "POST", path: `/api/v1/networks/${c.network.id}/rounds`, body: { title: "R" } }),
  },
  {
    name: "GET /networks/:id/rounds",
    expected: viewMatrix(200),
    prepare: (_, c) => ({ method: "GET", path: `/api/v1/networks/${c.network.id}/rounds` }),
  },
  {
    name: "GET /rounds/:id",
    expected: viewMatrix(200),
    prepare: (t, c) => ({ method: "GET", path: `/api/v1/rounds/${makeRound(t, c.network.id).id}` }),
  },
  {
    name: "GET /rounds/:id/progress",
    expected: viewMatrix(200),
    prepare: (t, c) => ({ method: "GET", path: `/api/v1/rounds/${makeRound(t, c.network.id).id}/progress` }),
  },
  {
    name: "PATCH /rounds/:id",
    expected: manageMatrix(200),
    prepare: (t, c) => ({ method: "PATCH", path: `/api/v1/rounds/${makeRound(t, c.network.id).id}`, body: { title: "New" } }),
  },
  {
    name: "POST /rounds/:id/open",
    expected: manageMatrix(200),
    prepare: (t, c) => ({ method: "POST", path: `/api/v1/rounds/${makeRound(t, c.network.id).id}/open` }),
  },
  {
    name: "POST /rounds/:id/close",
    expected: manageMatrix(200),
    prepare: (t, c) => ({
      method: "POST",
      path: `/api/v1/rounds/${makeRound(t, c.network.id, { status: "open", openedAt: t.clock.now() }).id}/close`,
    }),
  },
  {
    name: "POST /rounds/:id/invitations",
    expected: manageMatrix(201),
    prepare: (t, c) => {
      makeMember(t, c.network.id);
      return { method: "POST", path: `/api/v1/rounds/${makeRound(t, c.network.id).id}/invitations`, body: { all: true } };
    },
  },
  {
    name: "POST /invitations/:id/reissue",
    expected: manageMatrix(201),
    prepare: (t, c) => {
      const member = makeMember(t, c.network.id);
      const invitation = makeInvitation(t, makeRound(t, c.network.id).id, { memberId: member.id });
      return { method: "POST", path: `/api/v1/invitations/${invitation.id}/reissue` };
    },
  },
];

describe("access to rounds and invitations", () => {
  it.each(CASES)("$name", async ({ expected, prepare }) => {
    const t = createTestApp();
    const cast = makeCast(t);
    for (const who of EVERYONE) {
      const { method, path, body } = prepare(t, cast);
      const res = await callAs(t, cast, who, method, path, body);
      expect(res.status, `${who} ${method} ${path}`).toBe(expected[who]);
      if (res.status >= 400) {
        expect(res.json.error.code).toBeTruthy();
        // Nothing about the round leaks into an error.
        expect(res.text).not.toMatch(/"title"|"status"|"url"/);
      }
    }
  });

  it("hides an invitation of another network exactly like one that does not exist", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const invitation = makeInvitation(t, makeRound(t, cast.network.id).id);
    const theirs = await callAs(t, cast, "otherFacilitator", "POST", `/api/v1/invitations/${invitation.id}/reissue`);
    const none = await callAs(t, cast, "otherFacilitator", "POST", "/api/v1/invitations/does-not-exist/reissue");
    expect(theirs.status).toBe(404);
    expect(theirs.json.error.message).toBe(none.json.error.message);
  });
});
