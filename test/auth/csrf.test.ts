import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/auth/tokens";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, makeUser, TEST_PASSWORD } from "../support/factories";
import { call, postForm } from "../support/http";

const networkCount = (t: TestApp) => (t.db.$client.prepare("select count(*) as n from networks").get() as { n: number }).n;

function setUp() {
  const t = createTestApp();
  const cast = makeCast(t);
  return { t, cookie: cast.facilitator.cookie, before: networkCount(t), cast };
}

describe("CSRF on cookie-authenticated JSON", () => {
  it("refuses an unsafe request that says nothing about where it came from", async () => {
    const { t, cookie, before } = setUp();
    const res = await call(t, "POST", "/api/v1/networks", { name: "Forged" }, { cookie, noOrigin: true });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("csrf_rejected");
    expect(networkCount(t)).toBe(before);
  });

  it.each([["https://evil.example"], ["http://localhost.evil.example"], ["null"]])("refuses Origin %s", async (origin) => {
    const { t, cookie, before } = setUp();
    const res = await call(t, "POST", "/api/v1/networks", { name: "Forged" }, { cookie, headers: { Origin: origin } });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("csrf_rejected");
    expect(networkCount(t)).toBe(before);
  });

  it("refuses Sec-Fetch-Site: cross-site and same-site", async () => {
    const { t, cookie, before } = setUp();
    for (const site of ["cross-site", "same-site"]) {
      const res = await call(
        t,
        "POST",
        "/api/v1/networks",
        { name: "Forged" },
        { cookie, noOrigin: true, headers: { "Sec-Fetch-Site": site } },
      );
      expect(res.status).toBe(403);
    }
    expect(networkCount(t)).toBe(before);
  });

  it("refuses PATCH and DELETE the same way", async () => {
    const { t, cookie, cast } = setUp();
    const patch = await call(t, "PATCH", `/api/v1/networks/${cast.network.id}`, { name: "Forged" }, { cookie, noOrigin: true });
    expect(patch.status).toBe(403);
    const grantId = (await call(t, "GET", `/api/v1/networks/${cast.network.id}/grants`, undefined, { cookie })).json.grants[0].id;
    const del = await call(t, "DELETE", `/api/v1/networks/${cast.network.id}/grants/${grantId}`, undefined, {
      cookie,
      headers: { Origin: "https://evil.example" },
    });
    expect(del.status).toBe(403);
    const after = await call(t, "GET", `/api/v1/networks/${cast.network.id}`, undefined, { cookie });
    expect(after.json.name).toBe(cast.network.name);
  });

  it("accepts our own Origin, or Sec-Fetch-Site: same-origin", async () => {
    const { t, cookie, before } = setUp();
    expect((await call(t, "POST", "/api/v1/networks", { name: "Ours" }, { cookie })).status).toBe(201);
    const bySite = await call(
      t,
      "POST",
      "/api/v1/networks",
      { name: "Ours too" },
      { cookie, noOrigin: true, headers: { "Sec-Fetch-Site": "same-origin" } },
    );
    expect(bySite.status).toBe(201);
    expect(networkCount(t)).toBe(before + 2);
  });

  it("accepts the PUBLIC_URL origin when the service sits behind a proxy", async () => {
    const t = createTestApp({ env: { PUBLIC_URL: "https://netmirror.example.org" } });
    const { facilitator } = makeCast(t);
    const res = await call(
      t,
      "POST",
      "/api/v1/networks",
      { name: "Proxied" },
      { cookie: facilitator.cookie, headers: { Origin: "https://netmirror.example.org" } },
    );
    expect(res.status).toBe(201);
  });

  it("lets safe methods through from anywhere", async () => {
    const { t, cookie } = setUp();
    const res = await call(t, "GET", "/api/v1/networks", undefined, {
      cookie,
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(res.status).toBe(200);
  });

  it("signing out from another site is refused and the session lives on", async () => {
    const { t, cookie } = setUp();
    const res = await call(t, "POST", "/api/v1/auth/logout", undefined, { cookie, headers: { Origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { cookie })).status).toBe(200);
  });
});

describe("CSRF and bearer tokens", () => {
  it("exempts a bearer-token request without Origin", async () => {
    const { t, cast, before } = setUp();
    const { token } = createApiToken(t.db, t.clock, cast.facilitator.user.id, "script");
    const res = await call(t, "POST", "/api/v1/networks", { name: "From a script" }, { token, noOrigin: true });
    expect(res.status).toBe(201);
    expect(networkCount(t)).toBe(before + 1);
  });
});

describe("CSRF on HTML forms", () => {
  it("refuses a form posted to /networks from a foreign origin and creates nothing", async () => {
    const { t, cookie, before } = setUp();
    const res = await postForm(
      t,
      "/networks",
      { name: "Forged", stage: "forming" },
      { cookie, headers: { Origin: "https://evil.example" } },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(networkCount(t)).toBe(before);
  });

  it("accepts the same form from our own page", async () => {
    const { t, cookie, before } = setUp();
    const res = await postForm(t, "/networks", { name: "Real", stage: "forming" }, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/networks\/[\w-]+$/);
    expect(networkCount(t)).toBe(before + 1);
  });

  it("refuses a login form posted from another site (login CSRF)", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const res = await postForm(
      t,
      "/login",
      { email: "fran@example.org", password: TEST_PASSWORD },
      { headers: { Origin: "https://evil.example" } },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});
