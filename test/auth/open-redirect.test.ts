import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeUser, sessionFor, TEST_PASSWORD } from "../support/factories";
import { getPage, postForm } from "../support/http";

// Where the security review was sent, and what else a browser reads as "another site": each of
// these must land on our home page after signing in, never on evil.example.
const HOSTILE = [
  "/.//evil.example",
  "/..//evil.example/phish",
  "/./../..//evil.example",
  "/a/..//evil.example",
  "/%2e//evil.example",
  "/.%2e//evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/.\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/%2Fevil.example",
  "/%2f/evil.example",
  "/%5Cevil.example",
  "/%5c/evil.example",
  "/%09/evil.example",
  "/%0A/evil.example",
  "https://evil.example/",
  "http:evil.example",
  "javascript:alert(1)",
  "evil.example",
  "",
];

describe("where signing in sends the browser", () => {
  it.each(HOSTILE)("goes home for next=%j after the login form", async (next) => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const res = await postForm(t, "/login", { email: "fran@example.org", password: TEST_PASSWORD, next });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
  });

  it.each(HOSTILE)("goes home for /login?next=%j when already signed in", async (next) => {
    const t = createTestApp();
    const user = makeUser(t);
    const res = await getPage(t, `/login?next=${encodeURIComponent(next)}`, { cookie: sessionFor(t, user.id) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
  });

  it.each([
    ["/account", "/account"],
    ["/networks/abc?tab=members#rounds", "/networks/abc?tab=members#rounds"],
    ["/networks/./abc", "/networks/abc"],
    ["/rounds/x/../y", "/rounds/y"],
  ])("keeps a path of our own: next=%s → %s", async (next, location) => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const res = await postForm(t, "/login", { email: "fran@example.org", password: TEST_PASSWORD, next });
    expect(res.headers.get("location")).toBe(location);
  });
});
