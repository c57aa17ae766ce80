import fc from "fast-check";
import { ACCESS_MODES, ACTION_STATUSES, GRANT_ROLES, ROUND_MODULES, STAGES } from "../../src/db/schema";
import { ORGANISATION_TYPES } from "../../src/organisations/types";
import { makeMember, makeRound, makeUser } from "../support/factories";
import { call } from "../support/http";
import { makeClosedRound, uniformResponse } from "../support/responses";
import { type BodyEndpoint, email, isoDateTime, isoDay, text, world } from "./endpoints";

/** Networks and everything a facilitator does in one: access, roster, rounds, links, actions. */
export const NETWORK_ENDPOINTS: BodyEndpoint[] = [
  {
    method: "POST",
    route: "/networks",
    runs: 100,
    setup(t) {
      const valid = fc.record({ name: text(200), description: text(2000), stage: fc.constantFrom(...STAGES) }, { requiredKeys: ["name"] });
      return { path: "/api/v1/networks", valid, who: world(t).facilitator };
    },
  },
  {
    method: "PATCH",
    route: "/networks/:id",
    runs: 100,
    setup(t) {
      const { cast, facilitator } = world(t);
      const valid = fc.record({ name: text(200), description: text(2000), stage: fc.constantFrom(...STAGES) }, { requiredKeys: [] });
      return { path: `/api/v1/networks/${cast.network.id}`, valid, who: facilitator, watch: ["networks"] };
    },
  },
  {
    method: "POST",
    route: "/networks/:id/grants",
    runs: 100,
    setup(t) {
      const { cast, facilitator } = world(t);
      const colleague = makeUser(t.deps);
      const commissioner = makeUser(t.deps, { role: "commissioner" });
      const role = fc.constantFrom(...GRANT_ROLES);
      const valid = fc.oneof(
        fc.record({ email: fc.constantFrom(colleague.email, commissioner.email, "nobody@example.org"), role }),
        fc.record({ userId: fc.constantFrom(colleague.id, commissioner.id, "no-such-user"), role }),
      );
      return { path: `/api/v1/networks/${cast.network.id}/grants`, valid, who: facilitator, watch: ["grants"] };
    },
  },
  {
    method: "POST",
    route: "/networks/:id/members",
    runs: 100,
    setup(t) {
      const { cast, facilitator } = world(t);
      const member = fc.record({ name: text(200), email, organisation: text(200) }, { requiredKeys: ["name"] });
      const valid = fc.record({ members: fc.array(member, { minLength: 1, maxLength: 4 }) });
      return { path: `/api/v1/networks/${cast.network.id}/members`, valid, who: facilitator };
    },
  },
  {
    method: "POST",
    route: "/networks/:id/organisations",
    runs: 100,
    setup(t) {
      const { cast, facilitator } = world(t);
      const valid = fc.record(
        { name: text(120), type: fc.constantFrom(...ORGANISATION_TYPES), active: fc.boolean() },
        { requiredKeys: ["name", "type"] },
      );
      return { path: `/api/v1/networks/${cast.network.id}/organisations`, valid, who: facilitator };
    },
  },
  {
    method: "POST",
    route: "/networks/:id/rounds",
    runs: 100,
    setup(t) {
      const { cast, facilitator } = world(t);
      const valid = fc.record(
        {
          title: text(200),
          instrument: fc.constant("core"),
          closesAt: isoDateTime,
          minResponses: fc.integer({ min: 3, max: 1000 }),
          access: fc.constantFrom(...ACCESS_MODES),
          language: fc.constantFrom("en", "nl"),
          modules: fc.subarray([...ROUND_MODULES]),
        },
        { requiredKeys: ["title"] },
      );
      return { path: `/api/v1/networks/${cast.network.id}/rounds`, valid, who: facilitator };
    },
  },
  {
    method: "PATCH",
    route: "/rounds/:id",
    runs: 100,
    setup(t) {
      const { cast, facilitator } = world(t);
      const round = makeRound(t.deps, cast.network.id);
      const valid = fc.record({ title: text(200), closesAt: fc.option(isoDateTime) }, { requiredKeys: [] });
      return { path: `/api/v1/rounds/${round.id}`, valid, who: facilitator, watch: ["rounds"] };
    },
  },
  {
    method: "POST",
    route: "/rounds/:id/invitations",
    runs: 100,
    setup(t) {
      const { cast, facilitator } = world(t);
      const round = makeRound(t.deps, cast.network.id, { status: "open", openedAt: t.clock.now() });
      const ids = [1, 2, 3].map(() => makeMember(t.deps, cast.network.id).id);
      const valid = fc.oneof(
        fc.record({ memberIds: fc.subarray([...ids, "not-a-member"], { minLength: 1 }) }),
        fc.constant({ all: true as const }),
      );
      return { path: `/api/v1/rounds/${round.id}/invitations`, valid, who: facilitator, watch: ["invitations"] };
    },
  },
  {
    method: "POST",
    route: "/networks/:id/actions",
    runs: 100,
    setup(t) {
      const { cast, facilitator } = world(t);
      const closed = makeClosedRound(t.deps, cast.network.id, [uniformResponse(4)]);
      const draft = makeRound(t.deps, cast.network.id);
      const valid = fc.record(
        { roundId: fc.constantFrom(closed.id, draft.id), title: text(300), owner: text(200), due: isoDay },
        { requiredKeys: ["roundId", "title"] },
      );
      return { path: `/api/v1/networks/${cast.network.id}/actions`, valid, who: facilitator };
    },
  },
  {
    method: "PATCH",
    route: "/actions/:id",
    runs: 100,
    async setup(t) {
      const { cast, facilitator } = world(t);
      const closed = makeClosedRound(t.deps, cast.network.id, [uniformResponse(3)]);
      const created = await call(
        t,
        "POST",
        `/api/v1/networks/${cast.network.id}/actions`,
        { roundId: closed.id, title: "Agree priorities" },
        facilitator,
      );
      if (created.status !== 201) throw new Error(`could not create an action: ${created.text}`);
      const valid = fc.record(
        {
          status: fc.constantFrom(...ACTION_STATUSES),
          note: text(2000),
          title: text(300),
          owner: fc.option(text(200)),
          due: fc.option(isoDay),
        },
        { requiredKeys: [] },
      );
      return { path: `/api/v1/actions/${created.json.id}`, valid, who: facilitator, watch: ["actions"] };
    },
  },
];
