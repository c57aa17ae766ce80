import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, makeInvitation, makeRound } from "../support/factories";
import { ORIGIN } from "../support/http";
import { credentialsFor, expectApiContract, type Reply } from "./oracle";

// Header values a client can actually send: Latin-1 without control characters (fetch refuses others).
const headerChar = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }), fc.constant(0x09));
const garbage = fc.string({ unit: headerChar.map((c) => String.fromCharCode(c)), maxLength: 60 });
const huge = (prefix: string) => fc.integer({ min: 1_000, max: 60_000 }).map((n) => prefix + "A".repeat(n));
/** Often absent: with every header there at once, a bad Authorization would answer 401 to everything. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 2 });

/** Random and hostile request headers; `valid` holds a real bearer token and session cookie to mix in. */
function hostileHeaders(valid: { token: string; cookie: string }) {
  return fc.record({
    Authorization: maybe(
      fc.oneof(
        garbage,
        garbage.map((g) => `Bearer ${g}`),
        garbage.map((g) => `Bearer nm_${g}`),
        huge("Bearer "),
        huge("Bearer nm_"),
        fc.constant(`Bearer ${valid.token}`),
        fc.constantFrom("Bearer", "Bearer ", "bearer x", "Basic YTpi"),
      ),
    ),
    Cookie: maybe(
      fc.oneof(
        garbage,
        garbage.map((g) => `nm_session=${g}`),
        huge("nm_session="),
        fc.array(fc.tuple(garbage, garbage), { maxLength: 200 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("; ")),
        fc.constant(`nm_session=${valid.cookie}`),
        fc.constant(`nm_session=x; nm_session=${valid.cookie}`),
        fc.constant(`nm_session="${valid.cookie}"; nm_session=%zz`),
      ),
    ),
    "Content-Type": maybe(
      fc.oneof(
        garbage,
        fc.constantFrom(
          "application/json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data",
          "multipart/form-data; boundary=x",
        ),
        fc.constantFrom(
          "application/json; charset=utf-16",
          "application/json; charset=\u00ff",
          "application/vnd.api+json",
          "text/csv",
          ";;;",
        ),
      ),
    ),
    Accept: maybe(
      fc.oneof(garbage, fc.constantFrom("text/html", "application/json", "*/*", "text/csv", "text/html;q=0, application/json")),
    ),
    Origin: maybe(
      fc.oneof(garbage, fc.constantFrom(ORIGIN, "null", "https://evil.example", "http://localhost:3000", "http://localhost.evil.example")),
    ),
    "Sec-Fetch-Site": maybe(fc.oneof(garbage, fc.constantFrom("same-origin", "same-site", "cross-site", "none"))),
    "Accept-Language": maybe(
      fc.oneof(garbage, huge("nl,"), fc.constantFrom("nl-NL,nl;q=0.9", "nl;q=abc,en;q=-1", "*", "nl;q=NaN", ",,,;;;q=", "en;q=1e999")),
    ),
    "X-Forwarded-For": maybe(
      fc.oneof(garbage, huge("1.2.3.4,"), fc.constantFrom("1.2.3.4, 5.6.7.8", "::1", "unknown", ", ,", "999.999.999.999")),
    ),
  });
}

/** A sample of routes: public and signed-in, JSON and HTML, read and write. */
function sampleRoutes(t: TestApp) {
  const cast = makeCast(t.deps);
  const round = makeRound(t.deps, cast.network.id, { status: "open", openedAt: t.clock.now() });
  const link = () => makeInvitation(t.deps, round.id).token;
  const json = JSON.stringify({ name: "Fuzzed network" });
  return {
    who: credentialsFor(t, cast.facilitator.user.id),
    routes: [
      { method: "GET", path: () => "/api/v1/health" },
      { method: "GET", path: () => "/api/v1/networks", needsAuth: true },
      { method: "POST", path: () => "/api/v1/networks", body: json, needsAuth: true },
      { method: "GET", path: () => `/api/v1/compare?networkIds=${cast.network.id}`, needsAuth: true },
      { method: "GET", path: () => `/api/v1/s/${link()}` },
      { method: "PUT", path: () => `/api/v1/s/${link()}/draft`, body: JSON.stringify({ answers: { "purpose.1": 2 } }) },
      { method: "GET", path: () => `/s/${link()}` },
      { method: "POST", path: () => "/login", body: "email=a%40example.org&password=wrong+password" },
      { method: "GET", path: () => "/" },
      { method: "GET", path: () => `/networks/${cast.network.id}`, needsAuth: true },
    ],
  };
}

/** No 5xx; a 4xx is our JSON error shape or an HTML page; a signed-in route answers 2xx only to a real credential. */
function expectSound(res: Reply, sent: Record<string, string | undefined>, valid: { token: string; cookie: string }, needsAuth: boolean) {
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  const type = res.headers.get("Content-Type") ?? "";
  if (res.status >= 400) {
    if (type.includes("application/json")) expectApiContract(res);
    else expect(type, `4xx neither JSON nor HTML: ${res.status} ${res.text.slice(0, 200)}`).toContain("text/html");
  }
  if (needsAuth && res.status >= 200 && res.status < 300) {
    const credentialed = `${sent.Authorization ?? ""}${sent.Cookie ?? ""}`;
    expect(credentialed.includes(valid.token) || credentialed.includes(valid.cookie), "2xx without a valid credential").toBe(true);
  }
}

describe("fuzzing headers", () => {
  for (const trustProxy of ["false", "true"]) {
    it(`random and hostile headers on a sample of routes (TRUST_PROXY=${trustProxy})`, async () => {
      const t = createTestApp({ env: { TRUST_PROXY: trustProxy } });
      const { who, routes } = sampleRoutes(t);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), hostileHeaders(who), async (route, sent) => {
          const headers = Object.fromEntries(Object.entries(sent).filter((e): e is [string, string] => e[1] !== undefined));
          const res = await t.app.request(`${ORIGIN}${route.path()}`, { method: route.method, headers, body: route.body });
          // Rate limits on sign-in and on failed links are per client: move on so they do not hide the rest.
          t.clock.advance(21_000);
          expectSound({ status: res.status, headers: res.headers, text: await res.text() }, sent, who, route.needsAuth ?? false);
        }),
        { numRuns: 150 },
      );
    });
  }
});
