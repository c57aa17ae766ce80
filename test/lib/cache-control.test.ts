import { describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, makeMember, makeRound } from "../support/factories";
import { call, getPage, postForm } from "../support/http";
import { makeClosedRound, uniformResponse } from "../support/responses";
import { openSurvey, survey } from "../survey/helpers";

/** A network with a member, a closed round with results and an open round with a member's link. */
function setUp() {
  const t = createTestApp();
  const cast = makeCast(t);
  const networkId = cast.network.id;
  makeMember(t, networkId, { name: "Anna de Vries", organisation: "Valley Hospital" });
  const closed = makeClosedRound(
    t,
    networkId,
    Array.from({ length: 5 }, () => uniformResponse(4, { comments: { purpose: "Clearer priorities" } })),
  );
  const open = openSurvey(t);
  const draft = makeRound(t, networkId);
  return { t, cast, networkId, closed, open, draft };
}

type Setup = ReturnType<typeof setUp>;
type Request = (s: Setup) => Promise<{ status: number; headers: Headers }>;

const facilitatorPage =
  (path: (s: Setup) => string): Request =>
  (s) =>
    getPage(s.t, path(s), { cookie: s.cast.facilitator.cookie });
const facilitatorApi =
  (path: (s: Setup) => string): Request =>
  (s) =>
    call(s.t, "GET", path(s), undefined, { cookie: s.cast.facilitator.cookie });

// Responses to a signed-in user, and responses that hold personal data, whoever asks.
const PRIVATE: [string, Request][] = [
  ["home page", facilitatorPage(() => "/")],
  ["account and token page", facilitatorPage(() => "/account")],
  ["network page", facilitatorPage((s) => `/networks/${s.networkId}`)],
  ["roster", facilitatorPage((s) => `/networks/${s.networkId}/members`)],
  ["roster CSV", facilitatorPage((s) => `/networks/${s.networkId}/members.csv`)],
  ["round page", facilitatorPage((s) => `/rounds/${s.closed.id}`)],
  ["comment review", facilitatorPage((s) => `/rounds/${s.closed.id}/review`)],
  ["members and links", facilitatorPage((s) => `/rounds/${s.draft.id}/links`)],
  ["poster", facilitatorPage((s) => `/rounds/${s.draft.id}/poster`)],
  ["compare CSV", (s) => getPage(s.t, `/compare.csv?networkIds=${s.networkId}`, { cookie: s.cast.commissioner.cookie })],
  ["a 404 page to a signed-in user", facilitatorPage(() => "/no-such-page")],
  ["members API", facilitatorApi((s) => `/api/v1/networks/${s.networkId}/members`)],
  ["comments API", facilitatorApi((s) => `/api/v1/rounds/${s.closed.id}/comments`)],
  ["results API", facilitatorApi((s) => `/api/v1/rounds/${s.closed.id}/results`)],
  ["token API", facilitatorApi(() => "/api/v1/auth/tokens")],
  ["who am I", facilitatorApi(() => "/api/v1/auth/me")],
  [
    "a request with an API token",
    async (s) => {
      const { token } = (await call(s.t, "POST", "/api/v1/auth/tokens", { name: "script" }, { cookie: s.cast.facilitator.cookie })).json;
      return call(s.t, "GET", "/api/v1/networks", undefined, { token });
    },
  ],
  ["a form answer to a signed-in user", (s) => postForm(s.t, "/account/tokens", { name: "" }, { cookie: s.cast.facilitator.cookie })],
  ["survey page with a personal link", (s) => getPage(s.t, `/s/${s.open.token}`)],
  ["survey theme page", (s) => getPage(s.t, `/s/${s.open.token}/theme/1`)],
  ["survey JSON with a personal link", (s) => call(s.t, "GET", survey(s.open.token))],
  ["saving a draft", (s) => call(s.t, "PUT", `${survey(s.open.token)}/draft`, { overall: 5 })],
  ["the login form, which echoes an email", (s) => postForm(s.t, "/login", { email: "fran@example.org", password: "wrong" })],
];

describe("Cache-Control: no-store", () => {
  it.each(PRIVATE)("%s", async (_, request) => {
    const res = await request(setUp());
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("cache-control")).toMatch(/(^|,\s*)no-store(\s*,|$)/);
  });

  it("not on the stylesheet, which is the same for everyone", async () => {
    const { t, cast } = setUp();
    const res = await getPage(t as TestApp, "/assets/app.css", { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=86400");
  });
});
