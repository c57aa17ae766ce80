import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { getPage, postForm, sessionCookie } from "../support/http";

describe("the account page", () => {
  it.each([
    ["admin", "administrator"],
    ["facilitator", "facilitator"],
    ["commissioner", "commissioner"],
  ] as const)("names a signed-in %s's role in plain words (%s)", async (role, words) => {
    const t = createTestApp();
    makeUser(t, { email: "sam@example.org", name: "Sam", role });
    const login = await postForm(t, "/login", { email: "sam@example.org", password: TEST_PASSWORD, next: "/account" });
    const page = await getPage(t, "/account", { cookie: sessionCookie(login.headers) });
    expect(page.text).toContain(`Signed in as Sam (sam@example.org), ${words}.`);
  });
});
