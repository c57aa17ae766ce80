import { describe, expect, it } from "vitest";
import { CURRENT_PARAMETERS, DECOY_HASH, hashParameters, hashPassword, verifyPassword } from "../../src/auth/passwords";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, makeUser, sessionFor, TEST_PASSWORD } from "../support/factories";
import { call, postForm } from "../support/http";

const NEW_PASSWORD = "a brand new passphrase";

const login = (t: TestApp, email: string, password: string) => call(t, "POST", "/api/v1/auth/login", { email, password });
const me = (t: TestApp, cookie: string) => call(t, "GET", "/api/v1/auth/me", undefined, { cookie });
const fields = (res: { json: { error: { details: { field: string }[] } } }) => res.json.error.details.map((d) => d.field);

function setUp() {
  const t = createTestApp();
  const user = makeUser(t, { email: "fran@example.org" });
  return { t, user, cookie: sessionFor(t, user.id) };
}

describe("changing one's own password", () => {
  it("refuses a wrong current password with 400 naming `current`, and changes nothing", async () => {
    const { t, cookie } = setUp();
    const res = await call(t, "POST", "/api/v1/auth/password", { current: "not my password", new: NEW_PASSWORD }, { cookie });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(["current"]);
    expect((await me(t, cookie)).status).toBe(200);
    expect((await login(t, "fran@example.org", TEST_PASSWORD)).status).toBe(200);
  });

  it("refuses a short new password with 400 naming `new`", async () => {
    const { t, cookie } = setUp();
    const res = await call(t, "POST", "/api/v1/auth/password", { current: TEST_PASSWORD, new: "short" }, { cookie });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(["new"]);
    expect(res.json.error.message).toContain("12 characters");
  });

  it("ends every session, refuses the old password and accepts the new one", async () => {
    const { t, user, cookie } = setUp();
    const elsewhere = sessionFor(t, user.id);
    const res = await call(t, "POST", "/api/v1/auth/password", { current: TEST_PASSWORD, new: NEW_PASSWORD }, { cookie });
    expect(res.status).toBe(204);
    expect((await me(t, cookie)).status).toBe(401);
    expect((await me(t, elsewhere)).status).toBe(401);
    expect((await login(t, "fran@example.org", TEST_PASSWORD)).status).toBe(401);
    expect((await login(t, "fran@example.org", NEW_PASSWORD)).status).toBe(200);
  });

  it("needs a signed-in user", async () => {
    const t = createTestApp();
    const res = await call(t, "POST", "/api/v1/auth/password", { current: TEST_PASSWORD, new: NEW_PASSWORD });
    expect(res.status).toBe(401);
  });

  it("works from the account page, which names a mismatched confirmation", async () => {
    const { t, cookie } = setUp();
    const mismatch = await postForm(
      t,
      "/account/password",
      { current: TEST_PASSWORD, new: NEW_PASSWORD, confirm: "something else" },
      { cookie },
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('href="#confirm"');

    const done = await postForm(t, "/account/password", { current: TEST_PASSWORD, new: NEW_PASSWORD, confirm: NEW_PASSWORD }, { cookie });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/login?signedOut=1");
    expect((await me(t, cookie)).status).toBe(401);
    expect((await login(t, "fran@example.org", NEW_PASSWORD)).status).toBe(200);
  });
});

describe("an administrator resetting a password", () => {
  it("sets the new password and ends that user's sessions", async () => {
    const t = createTestApp();
    const { admin, facilitator } = makeCast(t);
    const res = await call(t, "PATCH", `/api/v1/users/${facilitator.user.id}`, { password: NEW_PASSWORD }, { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: facilitator.user.id, active: true });
    expect(res.text).not.toContain(NEW_PASSWORD);
    expect((await me(t, facilitator.cookie)).status).toBe(401);
    expect((await me(t, admin.cookie)).status).toBe(200);
    expect((await login(t, facilitator.user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await login(t, facilitator.user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("lifts a lockout, so that the user can sign in with the new password at once", async () => {
    const t = createTestApp();
    const { admin, facilitator } = makeCast(t);
    for (let i = 0; i < 5; i++) await login(t, facilitator.user.email, "not the password");
    expect((await login(t, facilitator.user.email, TEST_PASSWORD)).status).toBe(429);
    await call(t, "PATCH", `/api/v1/users/${facilitator.user.id}`, { password: NEW_PASSWORD }, { cookie: admin.cookie });
    expect((await login(t, facilitator.user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("refuses a short password with 400 naming `password`", async () => {
    const t = createTestApp();
    const { admin, facilitator } = makeCast(t);
    const res = await call(t, "PATCH", `/api/v1/users/${facilitator.user.id}`, { password: "short" }, { cookie: admin.cookie });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(["password"]);
    expect((await me(t, facilitator.cookie)).status).toBe(200);
  });

  it("works from the admin page", async () => {
    const t = createTestApp();
    const { admin, facilitator } = makeCast(t);
    const res = await postForm(t, `/admin/users/${facilitator.user.id}/password`, { password: NEW_PASSWORD }, { cookie: admin.cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/users?done=reset");
    expect((await me(t, facilitator.cookie)).status).toBe(401);
    expect((await login(t, facilitator.user.email, NEW_PASSWORD)).status).toBe(200);
  });
});

describe("the decoy hash checked for unknown emails", () => {
  it("is made with the options of a hash made now (so an unknown email takes as long), and matches no real password", async () => {
    expect(hashParameters(DECOY_HASH)).toBe(CURRENT_PARAMETERS);
    expect(hashParameters(await hashPassword("any password at all"))).toBe(CURRENT_PARAMETERS);
    expect(await verifyPassword(DECOY_HASH, TEST_PASSWORD)).toBe(false);
  });
});
