/**
 * The access matrix: every authenticated API route × every kind of person, with the status each
 * must get and nothing leaked to those who may not see the network.
 *
 * To cover a new route, add ONE line to ROUTES below, e.g.
 *   { method: "GET", path: (x) => `/networks/${x.network.id}/things`, allowed: VIEW },
 * Paths are relative to /api/v1. `x` gives fresh ids for every test (a network, another network,
 * a member, a grant, a round, a bystander user, the caller's own API token). Routes outside any one
 * network (auth, users, the network list) say `global: true`: there a stranger to the network is
 * judged by their role alone, not answered 404.
 */
import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/auth/tokens";
import { actions, invitations, organisations, type users } from "../../src/db/schema";
import { emailInvitations } from "../../src/email/service";
import { hashToken, newId, newToken } from "../../src/lib/ids";
import { memoryLogger } from "../../src/lib/logger";
import { createPdfRenderer } from "../../src/reports/renderer";
import { closeRound } from "../../src/rounds/lifecycle";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, makeGrant, makeMember, makeRound, makeUser, TEST_PASSWORD } from "../support/factories";
import { call } from "../support/http";

type Persona = "anonymous" | "admin" | "facilitator" | "otherFacilitator" | "commissioner" | "otherCommissioner" | "deactivated";
const PERSONAS: Persona[] = ["anonymous", "admin", "facilitator", "otherFacilitator", "commissioner", "otherCommissioner", "deactivated"];
/** Those who may not see `x.network`: nothing of it may reach them, whatever the status. */
const STRANGERS = new Set<Persona>(["anonymous", "otherFacilitator", "otherCommissioner", "deactivated"]);

interface Ctx {
  t: TestApp;
  cast: ReturnType<typeof makeCast>;
  network: ReturnType<typeof makeCast>["network"];
  member: ReturnType<typeof makeMember>;
  /** A grant on `network` held by a bystander, so that deleting it leaves the caller's own access alone. */
  grant: ReturnType<typeof makeGrant>;
  round: ReturnType<typeof makeRound>;
  /** A user who is none of the cast, for admin changes. */
  bystander: typeof users.$inferSelect;
  /** The caller's own API token id (a facilitator's for anonymous callers), made on first use. */
  tokenId: () => string;
  /** Made on first use, in `network`: an open round, a closed one, an invitation, an action. */
  openRound: () => ReturnType<typeof makeRound>;
  closedRound: () => { id: string };
  /** An open round whose invitations were emailed (queued), so that a reminder can be sent now. */
  emailedRound: () => { id: string };
  /** A closed round with the connections module (its map frozen), made on first use. */
  mapRound: () => { id: string };
  invitation: () => string;
  action: () => string;
  organisation: () => { id: string; title: string };
  /** Ids and titles of what was made on first use: strangers must not see those either. */
  made: string[];
  /** Ids of the networks the caller may list. */
  visible: string[];
  /** A string no other test uses, for emails and names. */
  unique: string;
}

interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (x: Ctx) => string;
  body?: (x: Ctx) => unknown;
  /** May this role do it (on a network where they hold their grant)? */
  allowed: { admin: boolean; facilitator: boolean; commissioner: boolean };
  /** Outside any network: strangers are judged by role, not answered 404. */
  global?: boolean;
  /** The success status; by default 201 for POST, 204 for DELETE, else 200. */
  ok?: number;
  /** More to check on a success. */
  check?: (res: Awaited<ReturnType<typeof call>>, x: Ctx, who: Persona) => void;
}

const ALL = { admin: true, facilitator: true, commissioner: true };
const VIEW = ALL;
const MANAGE = { admin: true, facilitator: true, commissioner: false };
const ADMIN = { admin: true, facilitator: false, commissioner: false };
const CREATE = MANAGE;

const ROUTES: Route[] = [
  // Auth: everyone signed in, about themselves.
  { method: "GET", path: () => "/auth/me", allowed: ALL, global: true },
  { method: "POST", path: () => "/auth/tokens", body: () => ({ name: "matrix" }), allowed: ALL, global: true },
  { method: "GET", path: () => "/auth/tokens", allowed: ALL, global: true },
  { method: "DELETE", path: (x) => `/auth/tokens/${x.tokenId()}`, allowed: ALL, global: true },
  {
    method: "POST",
    path: () => "/auth/password",
    body: () => ({ current: TEST_PASSWORD, new: "a new long password" }),
    allowed: ALL,
    global: true,
    ok: 204,
  },
  // Users: admins only.
  { method: "GET", path: () => "/users", allowed: ADMIN, global: true },
  {
    method: "POST",
    path: () => "/users",
    body: (x) => ({ email: `new-${x.unique}@example.org`, name: "New person", role: "facilitator", password: "a long enough password" }),
    allowed: ADMIN,
    global: true,
  },
  { method: "PATCH", path: (x) => `/users/${x.bystander.id}`, body: () => ({ name: "Renamed" }), allowed: ADMIN, global: true },
  // Networks.
  {
    method: "GET",
    path: () => "/networks",
    allowed: ALL,
    global: true,
    check: (res, x) => expect(res.json.networks.map((n: { id: string }) => n.id).sort()).toEqual(x.visible),
  },
  { method: "POST", path: () => "/networks", body: () => ({ name: "Brand new network" }), allowed: CREATE, global: true },
  { method: "GET", path: (x) => `/networks/${x.network.id}`, allowed: VIEW, check: (res, x) => expect(res.json.name).toBe(x.network.name) },
  { method: "PATCH", path: (x) => `/networks/${x.network.id}`, body: () => ({ stage: "renewing" }), allowed: MANAGE },
  // Grants.
  {
    method: "POST",
    path: (x) => `/networks/${x.network.id}/grants`,
    body: (x) => ({ userId: x.bystander.id, role: "commissioner" }),
    allowed: MANAGE,
  },
  { method: "GET", path: (x) => `/networks/${x.network.id}/grants`, allowed: MANAGE },
  { method: "DELETE", path: (x) => `/networks/${x.network.id}/grants/${x.grant.id}`, allowed: MANAGE },
  // Members: names and emails are for facilitators only.
  { method: "POST", path: (x) => `/networks/${x.network.id}/members`, body: () => ({ members: [{ name: "Anna" }] }), allowed: MANAGE },
  {
    method: "GET",
    path: (x) => `/networks/${x.network.id}/members`,
    allowed: MANAGE,
    check: (res, x) => expect(res.json.members.map((m: { id: string }) => m.id)).toEqual([x.member.id]),
  },
  { method: "DELETE", path: (x) => `/networks/${x.network.id}/members/${x.member.id}`, allowed: MANAGE },
  // Organisations: managed like the roster.
  {
    method: "POST",
    path: (x) => `/networks/${x.network.id}/organisations`,
    body: (x) => ({ name: `Hill Practice ${x.unique}`, type: "primary_care" }),
    allowed: MANAGE,
  },
  {
    method: "GET",
    // The organisation is made first, so that the list has something for strangers not to see.
    path: (x) => `/networks/${x.network.id}/organisations?with=${x.organisation().id}`,
    allowed: MANAGE,
    check: (res, x) => expect(res.json.organisations.map((o: { id: string }) => o.id)).toEqual([x.organisation().id]),
  },
  { method: "PATCH", path: (x) => `/organisations/${x.organisation().id}`, body: () => ({ type: "community" }), allowed: MANAGE },
  { method: "DELETE", path: (x) => `/organisations/${x.organisation().id}`, allowed: MANAGE, ok: 200 },
  // Rounds.
  { method: "POST", path: (x) => `/networks/${x.network.id}/rounds`, body: () => ({ title: "Spring check" }), allowed: MANAGE },
  { method: "GET", path: (x) => `/networks/${x.network.id}/rounds`, allowed: VIEW },
  { method: "GET", path: (x) => `/rounds/${x.round.id}`, allowed: VIEW },
  { method: "PATCH", path: (x) => `/rounds/${x.round.id}`, body: () => ({ title: "Renamed" }), allowed: MANAGE },
  { method: "POST", path: (x) => `/rounds/${x.round.id}/open`, allowed: MANAGE, ok: 200 },
  { method: "POST", path: (x) => `/rounds/${x.openRound().id}/close`, allowed: MANAGE, ok: 200 },
  { method: "GET", path: (x) => `/rounds/${x.round.id}/progress`, allowed: VIEW },
  { method: "GET", path: (x) => `/rounds/${x.closedRound().id}/results`, allowed: VIEW },
  {
    method: "GET",
    path: (x) => `/rounds/${x.mapRound().id}/network-map`,
    allowed: VIEW,
    // Commissioners get the metrics only (none here: the map is suppressed), never a respondent count.
    check: (res, _x, who) => expect("connectionRecords" in res.json).toBe(who !== "commissioner"),
  },
  // Invitations.
  { method: "POST", path: (x) => `/rounds/${x.openRound().id}/invitations`, body: () => ({ all: true }), allowed: MANAGE },
  { method: "POST", path: (x) => `/invitations/${x.invitation()}/reissue`, allowed: MANAGE },
  // Email: each round's by its managers, the outbox by administrators.
  { method: "GET", path: (x) => `/rounds/${x.openRound().id}/email`, allowed: MANAGE },
  { method: "POST", path: (x) => `/rounds/${x.openRound().id}/email/invitations`, body: () => ({}), allowed: MANAGE, ok: 200 },
  { method: "PUT", path: (x) => `/rounds/${x.openRound().id}/email/reminders`, body: () => ({ reminders: [] }), allowed: MANAGE },
  { method: "POST", path: (x) => `/rounds/${x.emailedRound().id}/email/reminders/now`, allowed: MANAGE, ok: 200 },
  { method: "GET", path: () => "/mail", allowed: ADMIN, global: true },
  { method: "POST", path: () => "/mail/resume", allowed: ADMIN, global: true, ok: 200 },
  // Actions.
  {
    method: "POST",
    path: (x) => `/networks/${x.network.id}/actions`,
    body: (x) => ({ roundId: x.closedRound().id, title: "Meet monthly" }),
    allowed: MANAGE,
  },
  { method: "GET", path: (x) => `/networks/${x.network.id}/actions`, allowed: VIEW },
  { method: "PATCH", path: (x) => `/actions/${x.action()}`, body: () => ({ status: "done" }), allowed: MANAGE },
  { method: "DELETE", path: (x) => `/actions/${x.action()}`, allowed: MANAGE },
  // Comparison and reports.
  { method: "GET", path: (x) => `/compare?networkIds=${x.network.id}`, allowed: VIEW },
  { method: "GET", path: (x) => `/networks/${x.network.id}/history`, allowed: VIEW },
  // The portfolio: each person's own networks, aggregates only (never comments, statements or answers).
  {
    method: "GET",
    path: () => "/portfolio?pageSize=500",
    allowed: ALL,
    global: true,
    check: (res, x) => {
      expect(res.json.networks.map((n: { id: string }) => n.id).sort()).toEqual(x.visible);
      expect(res.text).not.toMatch(/"(comments|items|answers|members|distribution)"/);
    },
  },
  {
    method: "PATCH",
    path: () => "/portfolio",
    body: () => ({ name: "Region" }),
    allowed: { admin: true, facilitator: false, commissioner: true },
    global: true,
  },
  // The matrix has no browser: a 503 means the access check let the caller through to the renderer.
  { method: "GET", path: (x) => `/rounds/${x.closedRound().id}/report.pdf`, allowed: MANAGE, ok: 503 },
];

/**
 * API operations deliberately not in ROUTES, with the reason. The coverage test below fails for
 * any other operation in /api/v1/openapi.json that has no row, so a new route cannot slip past.
 */
const NOT_IN_MATRIX: Record<string, string> = {
  "POST /auth/login": "public: signing in",
  "POST /auth/logout": "answers 204 signed in or not; see test/auth/login.test.ts",
  "GET /s/*": "survey link: the token in the path is the credential",
  "PUT /s/*/draft": "survey link: the token in the path is the credential",
  "POST /s/*/response": "survey link: the token in the path is the credential",
  // A 2xx needs a closed round with at least minResponses (≥ 3) real responses; strangers and
  // commissioners already get 404/403 from authorizeRound("comments"/"manage") like the rows above.
  "GET /rounds/*/comments": "needs a round with enough responses (comments feature)",
  "POST /rounds/*/comments/release": "needs a round with enough responses (comments feature)",
  "POST /comments/*/hide": "needs a round with enough responses (comments feature)",
  "POST /comments/*/release": "needs a round with enough responses (comments feature)",
};

function setUp(who: Persona): { x: Ctx; cookie?: string } {
  // No browser: routes that would render a PDF answer 503 once the caller is let through.
  const t = createTestApp({ renderer: createPdfRenderer({ executablePath: "/nonexistent/chromium", logger: memoryLogger().logger }) });
  // Durability is tested in test/lib/db.test.ts; here an fsync per insert would only slow 200 set-ups.
  t.db.$client.pragma("synchronous = OFF");
  const cast = makeCast(t);
  const network = cast.network;
  const member = makeMember(t, network.id);
  const bystander = makeUser(t, { role: "facilitator" });
  const grant = makeGrant(t, network.id, makeUser(t, { role: "commissioner" }).id, "commissioner");
  const round = makeRound(t, network.id);
  const caller = who === "anonymous" ? undefined : cast[who];
  let tokenId: string | undefined;
  const visible = {
    admin: [network.id, cast.otherNetwork.id],
    facilitator: [network.id],
    commissioner: [network.id],
    otherFacilitator: [cast.otherNetwork.id],
    otherCommissioner: [cast.otherNetwork.id],
    anonymous: [],
    deactivated: [],
  }[who].sort();
  const made: string[] = [];
  const once = <T extends string | { id: string; title?: string }>(make: () => T) => {
    let thing: T | undefined;
    return () => {
      if (thing === undefined) {
        thing = make();
        made.push(...(typeof thing === "string" ? [thing] : [thing.id, thing.title ?? thing.id]));
      }
      return thing;
    };
  };
  const now = t.clock.now();
  const openRound = once(() => makeRound(t, network.id, { status: "open", openedAt: now }));
  // Closed the way the service closes rounds, so that its results are frozen as a real one's are.
  const closedRound = once(() => closeRound(t.deps, makeRound(t, network.id, { status: "open", openedAt: now })));
  const mapRound = once(() => closeRound(t.deps, makeRound(t, network.id, { status: "open", openedAt: now, modules: ["connections"] })));
  const x: Ctx = {
    t,
    made,
    openRound,
    closedRound,
    emailedRound: once(() => {
      const round = openRound();
      const facilitator = cast.facilitator.user;
      const actor = {
        userId: facilitator.id,
        email: facilitator.email,
        name: facilitator.name,
        role: facilitator.role,
        via: "session" as const,
      };
      emailInvitations(t.deps, actor, round, {});
      return round;
    }),
    mapRound,
    invitation: once(() => {
      const id = newId();
      t.db
        .insert(invitations)
        .values({ id, roundId: openRound().id, memberId: member.id, tokenHash: hashToken(newToken()) })
        .run();
      return id;
    }),
    action: once(() => {
      const id = newId();
      t.db
        .insert(actions)
        .values({ id, networkId: network.id, roundId: closedRound().id, title: "Meet monthly", createdAt: now, updatedAt: now })
        .run();
      return id;
    }),
    organisation: once(() => {
      const id = newId();
      const title = `Valley Hospital ${id}`;
      t.db.insert(organisations).values({ id, networkId: network.id, name: title, type: "hospital", createdAt: now }).run();
      return { id, title };
    }),
    cast,
    network,
    member,
    grant,
    round,
    bystander,
    visible,
    unique: `${who}-${Math.random().toString(36).slice(2)}`,
    tokenId: () => {
      tokenId ??= createApiToken(t.db, t.clock, (caller ?? cast.facilitator).user.id, "matrix").id;
      return tokenId;
    },
  };
  return { x, cookie: caller?.cookie };
}

/** The status `who` must get from `route`. */
function expectedStatus(route: Route, who: Persona): number {
  if (who === "anonymous" || who === "deactivated") return 401;
  if (!route.global && (who === "otherFacilitator" || who === "otherCommissioner")) return 404;
  const role = who === "admin" ? "admin" : who.toLowerCase().includes("commissioner") ? "commissioner" : "facilitator";
  if (!route.allowed[role]) return 403;
  return route.ok ?? (route.method === "POST" ? 201 : route.method === "DELETE" ? 204 : 200);
}

/** Everything about `x.network` that must never reach a stranger. */
const secretsOf = (x: Ctx) => [
  x.network.id,
  x.network.name,
  x.member.id,
  x.member.name,
  x.member.email ?? "",
  x.grant.id,
  x.round.id,
  x.round.title,
  ...x.made,
];

// One key for an OpenAPI path (`/networks/{id}/grants`) and ours (`/networks/:id/grants`): ids become `*`.
const operationKey = (method: string, path: string) =>
  `${method.toUpperCase()} ${path.split("?")[0]?.replace(/\{[^}]+\}|:[A-Za-z]+/g, "*")}`;

// Only for naming the tests: each route's path with placeholders for its ids.
const PLACEHOLDERS = {
  network: { id: ":id" },
  member: { id: ":memberId" },
  grant: { id: ":grantId" },
  round: { id: ":roundId" },
  bystander: { id: ":userId" },
  tokenId: () => ":tokenId",
  openRound: () => ({ id: ":openRoundId" }),
  closedRound: () => ({ id: ":closedRoundId" }),
  emailedRound: () => ({ id: ":openRoundId" }),
  mapRound: () => ({ id: ":mapRoundId" }),
  invitation: () => ":invitationId",
  action: () => ":actionId",
  organisation: () => ({ id: ":organisationId" }),
} as unknown as Ctx;

describe.each(ROUTES.map((route) => ({ route, label: `${route.method} /api/v1${route.path(PLACEHOLDERS)}` })))(
  "$label",
  ({ route, label }) => {
    it.each(PERSONAS)("%s", async (who) => {
      const { x, cookie } = setUp(who);
      const res = await call(x.t, route.method, `/api/v1${route.path(x)}`, route.body?.(x), { cookie });
      const expected = expectedStatus(route, who);
      expect(res.status, `${label} as ${who}: ${res.text.slice(0, 200)}`).toBe(expected);
      if (expected >= 400)
        expect(res.json.error.code).toBe({ 401: "unauthorized", 403: "forbidden", 404: "not_found", 503: "unavailable" }[expected]);
      if (STRANGERS.has(who)) for (const secret of secretsOf(x)) expect(res.text, `${who} must not see ${secret}`).not.toContain(secret);
      if (expected < 300) route.check?.(res, x, who);
    });
  },
);

describe("the matrix", () => {
  it("covers every operation in the OpenAPI document", async () => {
    const t = createTestApp();
    const doc = (await call(t, "GET", "/api/v1/openapi.json")).json as { paths: Record<string, Record<string, unknown>> };
    const covered = new Set(ROUTES.map((route) => operationKey(route.method, route.path(PLACEHOLDERS))));
    const missing = Object.entries(doc.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => operationKey(method, path)))
      .filter((key) => !covered.has(key) && !(key in NOT_IN_MATRIX) && !key.startsWith("GET /health") && !key.startsWith("GET /openapi"));
    expect(missing, "add a row to ROUTES in test/auth/access-matrix.test.ts (or to NOT_IN_MATRIX, with the reason)").toEqual([]);
  });
});
