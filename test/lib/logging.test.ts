import { describe, expect, it } from "vitest";
import { createLogger, redactPath } from "../../src/lib/logger";
import { createTestApp } from "../support/app";
import { makeCast, makeUser, TEST_PASSWORD } from "../support/factories";
import { call, sessionCookie } from "../support/http";

const requestLines = (logs: Record<string, unknown>[]) => logs.filter((l) => l.msg === "request");

describe("createLogger", () => {
  it("writes one parseable JSON object per line, with time and level", () => {
    const written: string[] = [];
    const logger = createLogger("info", (line) => written.push(line));
    logger.info("hello", { note: "two\nlines" });
    expect(written).toHaveLength(1);
    expect(written[0]).not.toContain("\n");
    expect(JSON.parse(written[0] ?? "")).toMatchObject({ level: "info", msg: "hello", note: "two\nlines", time: expect.any(String) });
  });

  it("drops lines below its level", () => {
    const written: string[] = [];
    const logger = createLogger("warn", (line) => written.push(line));
    logger.debug("a");
    logger.info("b");
    logger.warn("c");
    logger.error("d");
    expect(written.map((l) => JSON.parse(l).msg)).toEqual(["c", "d"]);
    const silent = createLogger("silent", (line) => written.push(line));
    silent.error("e");
    expect(written).toHaveLength(2);
  });
});

describe("redactPath", () => {
  it.each([
    ["/s/AbC123-secret_token", "/s/:token"],
    ["/s/AbC123-secret_token/page/2", "/s/:token/page/2"],
    ["/api/v1/s/AbC123-secret_token/response", "/api/v1/s/:token/response"],
    ["/o/open-slug", "/o/:slug"],
    ["/m/mirror-slug", "/m/:slug"],
    ["/api/v1/networks/abc", "/api/v1/networks/abc"],
    ["/api/v1/rounds/short-id/invitations", "/api/v1/rounds/short-id/invitations"],
    ["/settings/s/x", "/settings/s/:token"],
    ["//s/AbC123-secret_token", "//s/:token"],
    ["/s//AbC123-secret_token", "/s//:token"],
    ["/S/AbC123-secret_token", "/S/:token"],
    ["/O/Open-slug", "/O/:slug"],
    ["/api/v1//s/AbC123-secret_token", "/api/v1//s/:token"],
    ["//api/v1/s/AbC123-secret_token/draft", "//api/v1/s/:token/draft"],
    ["/%73/short", "/%73/:token"],
    ["/anything/0123456789abcdef0123", "/anything/:token"],
    ["/api/v1/networks/AAAAAAAAAAAAAAAA/rounds", "/api/v1/networks/:token/rounds"],
    ["/x/nm_secretTokenValue12", "/x/:token"],
    ["/x/prefix.AbC123-secret_token.json", "/x/:token"],
    ["/x/%41bC123-secret_token", "/x/:token"],
  ])("logs %s as %s", (path, logged) => {
    expect(redactPath(path)).toBe(logged);
  });
});

describe("request log of a link however its path is written", () => {
  const token = "Zq9secretSurveyToken42";
  it.each([
    `/s/${token}`,
    `//s/${token}`,
    `/s//${token}`,
    `/S/${token}`,
    `/s/${token}/`,
    `/api/v1//s/${token}`,
    `//api/v1/s/${token}`,
    `/API/V1/S/${token}/response`,
    `/s/./${token}`,
    `/x/../s/${token}`,
    `/%73/${token}`,
    `/o/${token}`,
    `/m/${token}`,
    `/anything/${token}`,
    `/s/${token.slice(0, 16)}`,
    `/s;x/${token}`,
  ])("never logs the token of %s", async (path) => {
    const t = createTestApp();
    const res = await t.app.request(`http://localhost${path}`, { headers: { Accept: "application/json" } });
    expect(res.status).toBeGreaterThanOrEqual(200);
    const lines = requestLines(t.logs);
    expect(lines).toHaveLength(1);
    const logged = JSON.stringify(t.logs);
    expect(logged).not.toContain(token.slice(0, 16));
    expect(logged).not.toContain(token.slice(-16));
  });
});

describe("request log", () => {
  it("writes exactly one line per request with requestId, method, path, status and the user", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const res = await call(t, "GET", "/api/v1/networks", undefined, { cookie: facilitator.cookie });
    const lines = requestLines(t.logs);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "info",
      requestId: res.headers.get("x-request-id"),
      method: "GET",
      path: "/api/v1/networks",
      status: 200,
      user: facilitator.user.id,
      ms: expect.any(Number),
    });
  });

  it("logs failed requests too, with their status", async () => {
    const t = createTestApp();
    await call(t, "GET", "/api/v1/auth/me");
    expect(requestLines(t.logs)).toEqual([expect.objectContaining({ method: "GET", path: "/api/v1/auth/me", status: 401 })]);
  });

  it("never logs a survey token from the path, nor the query string", async () => {
    const t = createTestApp();
    const token = "Zq9secretSurveyToken42";
    await call(t, "GET", `/s/${token}?lang=nl`);
    await call(t, "POST", `/api/v1/s/${token}/response`, { answers: [] });
    await call(t, "GET", `/login?next=${token}`);
    expect(requestLines(t.logs).map((l) => l.path)).toEqual(["/s/:token", "/api/v1/s/:token/response", "/login"]);
    expect(JSON.stringify(t.logs)).not.toContain(token);
  });

  it("never logs a password, whether the login succeeds or fails, nor a new user's or changed password", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    makeUser(t, { email: "fran@example.org" });
    const wrong = "Wrong-password-in-logs?";
    await call(t, "POST", "/api/v1/auth/login", { email: "fran@example.org", password: wrong });
    const ok = await call(t, "POST", "/api/v1/auth/login", { email: "fran@example.org", password: TEST_PASSWORD });
    const newUserPassword = "Brand-new-user-password";
    await call(
      t,
      "POST",
      "/api/v1/users",
      { email: "sam@example.org", name: "Sam", role: "facilitator", password: newUserPassword },
      { cookie: admin.cookie },
    );
    const changed = "Changed-password-for-Fran";
    const res = await call(
      t,
      "POST",
      "/api/v1/auth/password",
      { current: TEST_PASSWORD, new: changed },
      { cookie: sessionCookie(ok.headers) },
    );
    expect(res.status).toBe(204);

    const logged = JSON.stringify(t.logs);
    expect(requestLines(t.logs)).toHaveLength(4);
    for (const secret of [wrong, TEST_PASSWORD, newUserPassword, changed, sessionCookie(ok.headers) ?? "?"])
      expect(logged).not.toContain(secret);
  });
});
