import { describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { call, getPage } from "../support/http";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function expectSecurityHeaders(headers: Headers) {
  const csp = headers.get("content-security-policy") ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).not.toContain("unsafe-inline");
  expect(headers.get("referrer-policy")).toBe("no-referrer");
  expect(headers.get("x-content-type-options")).toBe("nosniff");
}

/** A route that fails the way a bug would, registered on the app as a feature router would be. */
function withThrowingRoute(t: TestApp) {
  t.app.get("/api/v1/boom", () => {
    throw new Error("database file /srv/secret.db is corrupt");
  });
  t.app.get("/boom", () => {
    throw new Error("database file /srv/secret.db is corrupt");
  });
}

describe("security headers", () => {
  it("are on JSON answers, HTML pages, redirects and errors alike", async () => {
    const t = createTestApp();
    expectSecurityHeaders((await call(t, "GET", "/api/v1/health")).headers);
    expectSecurityHeaders((await getPage(t, "/login")).headers);
    expectSecurityHeaders((await getPage(t, "/")).headers); // 303 to /login
    expectSecurityHeaders((await call(t, "GET", "/api/v1/no-such-thing")).headers);
  });
});

describe("request id", () => {
  it("is a fresh UUID per request, echoed in X-Request-Id and in the error body", async () => {
    const t = createTestApp();
    const a = await call(t, "GET", "/api/v1/auth/me");
    const b = await call(t, "GET", "/api/v1/auth/me");
    expect(a.headers.get("x-request-id")).toMatch(UUID);
    expect(b.headers.get("x-request-id")).toMatch(UUID);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
    expect(a.json.error.requestId).toBe(a.headers.get("x-request-id"));
  });
});

describe("errors", () => {
  it("answer in the one JSON shape", async () => {
    const t = createTestApp();
    const res = await call(t, "GET", "/api/v1/auth/me");
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.json).toEqual({ error: { code: "unauthorized", message: "Please sign in", requestId: expect.stringMatching(UUID) } });
  });

  it("give JSON for an unknown API path even when the client asks for HTML", async () => {
    const t = createTestApp();
    const res = await getPage(t, "/api/v1/no-such-thing");
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text).error.code).toBe("not_found");
  });

  it("give JSON for an unknown page to a script, and a friendly page to a browser", async () => {
    const t = createTestApp();
    const json = await call(t, "GET", "/no-such-page");
    expect(json.status).toBe(404);
    expect(json.json.error.code).toBe("not_found");

    const html = await getPage(t, "/no-such-page");
    expect(html.status).toBe(404);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html.text).toContain("<title>There is nothing at this address");
    expect(html.text).toContain(html.headers.get("x-request-id"));
  });

  it("refuse a body over 2 MB with 413, whether or not it says its length", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const big = JSON.stringify({ name: "x".repeat(2 * 1024 * 1024 + 1) });
    const streamed = await call(t, "POST", "/api/v1/networks", big, {
      cookie: admin.cookie,
      headers: { "Content-Type": "application/json" },
    });
    expect(streamed.status).toBe(413);
    expect(streamed.json.error.code).toBe("payload_too_large");
    const declared = await call(t, "POST", "/api/v1/networks", big, {
      cookie: admin.cookie,
      headers: { "Content-Type": "application/json", "Content-Length": String(big.length) },
    });
    expect(declared.status).toBe(413);
    expect(t.db.$client.prepare("select count(*) as n from networks").get()).toEqual({ n: 2 }); // only the cast's two
  });

  it("let a body just under the limit through to validation", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const body = JSON.stringify({ name: "x".repeat(2 * 1024 * 1024 - 100) });
    const res = await call(t, "POST", "/api/v1/networks", body, { cookie: admin.cookie, headers: { "Content-Type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([expect.objectContaining({ field: "name" })]);
  });

  it("answer malformed JSON with 400 invalid_json", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const res = await call(t, "POST", "/api/v1/networks", '{"name": "Coastal', {
      cookie: admin.cookie,
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "invalid_json", requestId: res.headers.get("x-request-id") });
  });

  it("answer a body that is not JSON with 415, not a 500", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const res = await call(t, "POST", "/api/v1/networks", "name=Coastal", {
      cookie: admin.cookie,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe("unsupported_media_type");
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});

describe("an unexpected error", () => {
  it("answers 500 'Something went wrong' without internals, and logs the stack once with the request id", async () => {
    const t = createTestApp();
    withThrowingRoute(t);
    const res = await call(t, "GET", "/api/v1/boom");
    expect(res.status).toBe(500);
    const requestId = res.headers.get("x-request-id");
    expect(res.json).toEqual({ error: { code: "internal", message: "Something went wrong", requestId } });
    expect(res.text).not.toContain("secret.db");
    expect(res.text).not.toMatch(/\bat \S+ \(/);

    const errors = t.logs.filter((l) => l.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ requestId });
    expect(String(errors[0]?.error)).toContain("database file /srv/secret.db is corrupt");
    expect(String(errors[0]?.error)).toMatch(/\n\s+at /); // the stack, for whoever reads the log
  });

  it("shows a browser a friendly 500 page without internals", async () => {
    const t = createTestApp();
    withThrowingRoute(t);
    const res = await getPage(t, "/boom");
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.text).toContain("Something went wrong");
    expect(res.text).toContain(res.headers.get("x-request-id"));
    expect(res.text).not.toContain("secret.db");
  });
});
