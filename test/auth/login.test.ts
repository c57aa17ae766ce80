import { describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app";
import { makeUser, sessionFor, TEST_PASSWORD } from "../support/factories";
import { call, getPage, postForm, sessionCookie } from "../support/http";

describe("login", () => {
  it("signs in with the right password and sets a safe session cookie", async () => {
    const t = createTestApp();
    const user = makeUser(t, { email: "fran@example.org" });
    const res = await call(t, "POST", "/api/v1/auth/login", { email: "Fran@Example.org", password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: user.id, email: "fran@example.org", role: "facilitator" });
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const me = await call(t, "GET", "/api/v1/auth/me", undefined, { cookie: sessionCookie(res.headers) });
    expect(me.json.email).toBe("fran@example.org");
  });

  it("marks the cookie Secure when the public URL is https", async () => {
    const t = createTestApp({ env: { PUBLIC_URL: "https://netmirror.example.org" } });
    makeUser(t, { email: "fran@example.org" });
    const res = await call(
      t,
      "POST",
      "/api/v1/auth/login",
      { email: "fran@example.org", password: TEST_PASSWORD },
      { headers: { Origin: "https://netmirror.example.org" } },
    );
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("refuses a wrong password with 401 and the error shape", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const res = await call(t, "POST", "/api/v1/auth/login", { email: "fran@example.org", password: "wrong password!" });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: "unauthorized", message: "The email or password is not right" });
    expect(res.json.error.requestId).toBe(res.headers.get("x-request-id"));
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});

/** Signs in through the JSON API and returns the session cookie value. */
async function signIn(t: TestApp, email: string, password = TEST_PASSWORD) {
  const res = await call(t, "POST", "/api/v1/auth/login", { email, password });
  expect(res.status).toBe(200);
  return sessionCookie(res.headers) ?? "";
}

// The promises users are given: 5 wrong passwords lock an account for 15 minutes; a session lasts 12 hours.
const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;
const SESSION_HOURS = 12;

const wrongLogin = (t: TestApp, email: string) => call(t, "POST", "/api/v1/auth/login", { email, password: "not the password" });

describe("login refusals", () => {
  it("answers an unknown email exactly like a wrong password", async () => {
    const t = createTestApp();
    const res = await call(t, "POST", "/api/v1/auth/login", { email: "nobody@example.org", password: TEST_PASSWORD });
    expect(res.status).toBe(401);
    expect(res.json.error.message).toBe("The email or password is not right");
  });

  it("refuses a deactivated user even with the right password", async () => {
    const t = createTestApp();
    makeUser(t, { email: "gone@example.org", active: false });
    const res = await call(t, "POST", "/api/v1/auth/login", { email: "gone@example.org", password: TEST_PASSWORD });
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("names the missing fields", async () => {
    const t = createTestApp();
    const res = await call(t, "POST", "/api/v1/auth/login", { email: "" });
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["email", "password"]);
  });
});

describe("logout", () => {
  it("ends the session on the server, not only in the browser", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const cookie = await signIn(t, "fran@example.org");
    const res = await call(t, "POST", "/api/v1/auth/logout", undefined, { cookie });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/nm_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { cookie })).status).toBe(401);
  });

  it("by the HTML form sends the browser to the login page and ends the session", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const cookie = await signIn(t, "fran@example.org");
    const other = await signIn(t, "fran@example.org");
    const res = await postForm(t, "/logout", {}, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?signedOut=1");
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { cookie })).status).toBe(401);
    // Only this browser signs out; the same person elsewhere stays signed in.
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { cookie: other })).status).toBe(200);
  });
});

describe("lockout", () => {
  it("after 5 wrong passwords answers 429 with Retry-After, even to the right password, and lifts after 15 minutes", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect((await wrongLogin(t, "fran@example.org")).status).toBe(401);

    const locked = await call(t, "POST", "/api/v1/auth/login", { email: "fran@example.org", password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe("rate_limited");
    expect(locked.headers.get("retry-after")).toBe(String(LOCK_MINUTES * 60));
    expect(locked.headers.get("set-cookie")).toBeNull();

    t.clock.advance(14 * 60_000);
    const stillLocked = await wrongLogin(t, "fran@example.org");
    expect(stillLocked.status).toBe(429);
    expect(stillLocked.headers.get("retry-after")).toBe("60");

    // Trying during the lock does not extend it: it lifts 15 minutes after it began.
    t.clock.advance(60_000);
    await signIn(t, "fran@example.org");
  });

  it("locks an email that has no account the same way, so a lock does not reveal who has one", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const statuses = async (email: string) => {
      const seen: number[] = [];
      for (let i = 0; i <= MAX_FAILED_LOGINS; i++) seen.push((await wrongLogin(t, email)).status);
      return seen;
    };
    const real = await statuses("fran@example.org");
    const made = await statuses("nobody@example.org");
    expect(made).toEqual(real);
    expect(made.at(-1)).toBe(429);
  });

  it("starts counting afresh after the lock lifts and after a successful login", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await wrongLogin(t, "fran@example.org");
    t.clock.advance(LOCK_MINUTES * 60_000);
    expect((await wrongLogin(t, "fran@example.org")).status).toBe(401);
    await signIn(t, "fran@example.org");
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await wrongLogin(t, "fran@example.org")).status).toBe(401);
    await signIn(t, "fran@example.org");
  });

  it("locks one account, not everyone", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    makeUser(t, { email: "sam@example.org" });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await wrongLogin(t, "fran@example.org");
    await signIn(t, "sam@example.org");
  });
});

describe("session expiry", () => {
  it("a session works for 12 hours and then no longer", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const cookie = await signIn(t, "fran@example.org");
    t.clock.advance(SESSION_HOURS * 3_600_000 - 60_000);
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { cookie })).status).toBe(200);
    t.clock.advance(60_000);
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { cookie })).status).toBe(401);
  });
});

describe("HTML login form", () => {
  it("signs in with 303 to `next` and a session cookie", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const res = await postForm(t, "/login", { email: "fran@example.org", password: TEST_PASSWORD, next: "/account" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/account");
    const cookie = sessionCookie(res.headers);
    expect((await getPage(t, "/account", { cookie })).status).toBe(200);
  });

  it("keeps the query string of `next`", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const res = await postForm(t, "/login", { email: "fran@example.org", password: TEST_PASSWORD, next: "/networks/abc?tab=members" });
    expect(res.headers.get("location")).toBe("/networks/abc?tab=members");
  });

  // Browsers read a backslash in a path as a slash, so `/\evil.example` is `//evil.example`.
  const OFF_SITE = [
    "//evil.example/phish",
    "/\\evil.example/phish",
    "/\\/evil.example",
    "/\t/evil.example",
    "https://evil.example/",
    "evil",
  ];

  it.each(OFF_SITE)("never redirects off-site after signing in (next=%s)", async (next) => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const res = await postForm(t, "/login", { email: "fran@example.org", password: TEST_PASSWORD, next });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
  });

  it.each(OFF_SITE)("never redirects a signed-in visitor of /login off-site (next=%s)", async (next) => {
    const t = createTestApp();
    const user = makeUser(t);
    const res = await getPage(t, `/login?next=${encodeURIComponent(next)}`, { cookie: sessionFor(t, user.id) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
  });

  it("answers a wrong password with a 401 page whose error summary links to the field", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const res = await postForm(t, "/login", { email: "fran@example.org", password: "Not-the-password" });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.text).toContain('class="error-summary"');
    expect(res.text).toMatch(/<a href="#email">The email or password is not right<\/a>/);
    expect(res.text).toContain('id="email"');
    expect(res.text).toContain('value="fran@example.org"');
    expect(res.text).not.toContain("Not-the-password");
  });

  it("names each empty field in a 400 page", async () => {
    const t = createTestApp();
    const res = await postForm(t, "/login", { email: "", password: "" });
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#email"');
    expect(res.text).toContain('href="#password"');
  });

  it("shows the lock as a 429 page with Retry-After", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await wrongLogin(t, "fran@example.org");
    const res = await postForm(t, "/login", { email: "fran@example.org", password: TEST_PASSWORD });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe(String(LOCK_MINUTES * 60));
    expect(res.text).toContain("Too many wrong passwords");
  });
});
