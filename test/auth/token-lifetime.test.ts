import { describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, sessionFor, TEST_PASSWORD } from "../support/factories";
import { call, getPage, postForm } from "../support/http";

const DAY = 86_400_000;
const NEW_PASSWORD = "a brand new passphrase";

async function createToken(t: TestApp, cookie: string, body: Record<string, unknown> = { name: "nightly export" }) {
  const res = await call(t, "POST", "/api/v1/auth/tokens", body, { cookie });
  expect(res.status).toBe(201);
  return res.json as { id: string; token: string; expiresAt: string };
}

// A session made now: the cast's sessions end after 12 hours, long before a token does.
const works = async (t: TestApp, token: string) => (await call(t, "GET", "/api/v1/auth/me", undefined, { token })).status === 200;

describe("token expiry", () => {
  it("is 90 days by default, shown at creation and in the list; the token works until then and not after", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const created = await createToken(t, facilitator.cookie);
    const expiresAt = new Date(t.clock.now().getTime() + 90 * DAY).toISOString();
    expect(created.expiresAt).toBe(expiresAt);
    const list = await call(t, "GET", "/api/v1/auth/tokens", undefined, { cookie: facilitator.cookie });
    expect(list.json.tokens).toEqual([expect.objectContaining({ id: created.id, expiresAt, expired: false, revoked: false })]);

    t.clock.advance(90 * DAY - 1000);
    expect(await works(t, created.token)).toBe(true);
    t.clock.advance(1000);
    expect(await works(t, created.token)).toBe(false);
    const later = await call(t, "GET", "/api/v1/auth/tokens", undefined, { cookie: sessionFor(t, facilitator.user.id) });
    expect(later.json.tokens).toEqual([expect.objectContaining({ id: created.id, expired: true, revoked: false })]);
  });

  it.each([7, 30, 90, 365])("can be chosen at creation: %i days", async (days) => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const created = await createToken(t, facilitator.cookie, { name: "short", expiresInDays: days });
    expect(created.expiresAt).toBe(new Date(t.clock.now().getTime() + days * DAY).toISOString());
    t.clock.advance(days * DAY);
    expect(await works(t, created.token)).toBe(false);
  });

  it.each([0, 10, 366, -7, "90", null])("refuses any other lifetime (%j) with 400 naming expiresInDays", async (days) => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const res = await call(t, "POST", "/api/v1/auth/tokens", { name: "x", expiresInDays: days }, { cookie: facilitator.cookie });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([expect.objectContaining({ field: "expiresInDays" })]);
  });

  it("is in the OpenAPI document: the lifetime to choose and the expiry in the list", async () => {
    const t = createTestApp();
    const doc = (await call(t, "GET", "/api/v1/openapi.json")).json;
    const body = doc.paths["/auth/tokens"].post.requestBody.content["application/json"].schema;
    expect(body.properties.expiresInDays).toMatchObject({ enum: [7, 30, 90, 365], default: 90 });
    expect(doc.components.schemas.ApiToken.required).toEqual(expect.arrayContaining(["expiresAt", "expired"]));
  });
});

describe("tokens end with the password", () => {
  it("are revoked when the user changes their password through the API", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const { token, id } = await createToken(t, facilitator.cookie);
    const res = await call(
      t,
      "POST",
      "/api/v1/auth/password",
      { current: TEST_PASSWORD, new: NEW_PASSWORD },
      { cookie: facilitator.cookie },
    );
    expect(res.status).toBe(204);
    expect(await works(t, token)).toBe(false);
    const list = await call(t, "GET", "/api/v1/auth/tokens", undefined, { cookie: sessionFor(t, facilitator.user.id) });
    expect(list.json.tokens).toEqual([expect.objectContaining({ id, revoked: true })]);
  });

  it("are revoked when the user changes their password on the account page", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const { token } = await createToken(t, facilitator.cookie);
    const res = await postForm(
      t,
      "/account/password",
      { current: TEST_PASSWORD, new: NEW_PASSWORD, confirm: NEW_PASSWORD },
      { cookie: facilitator.cookie },
    );
    expect(res.status).toBe(303);
    expect(await works(t, token)).toBe(false);
  });

  it("are revoked when an administrator resets the password, through the API or the admin page", async () => {
    const t = createTestApp();
    const { admin, facilitator, commissioner } = makeCast(t);
    const first = await createToken(t, facilitator.cookie);
    const res = await call(t, "PATCH", `/api/v1/users/${facilitator.user.id}`, { password: NEW_PASSWORD }, { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(await works(t, first.token)).toBe(false);

    const second = await createToken(t, commissioner.cookie);
    const page = await postForm(t, `/admin/users/${commissioner.user.id}/password`, { password: NEW_PASSWORD }, { cookie: admin.cookie });
    expect(page.status).toBe(303);
    expect(await works(t, second.token)).toBe(false);
  });

  it("are not revoked by an admin's other changes, nor are other users' tokens", async () => {
    const t = createTestApp();
    const { admin, facilitator, commissioner } = makeCast(t);
    const mine = await createToken(t, facilitator.cookie);
    const theirs = await createToken(t, commissioner.cookie);
    await call(t, "PATCH", `/api/v1/users/${facilitator.user.id}`, { name: "Renamed" }, { cookie: admin.cookie });
    expect(await works(t, mine.token)).toBe(true);
    await call(t, "PATCH", `/api/v1/users/${facilitator.user.id}`, { password: NEW_PASSWORD }, { cookie: admin.cookie });
    expect(await works(t, theirs.token)).toBe(true);
  });
});

describe("the tokens on the account page", () => {
  it("shows each token's expiry and status, and creates one with the lifetime chosen in the form", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const page = await getPage(t, "/account", { cookie: facilitator.cookie });
    expect(page.text).toMatch(/<select id="expiresInDays" name="expiresInDays"/);
    for (const days of [7, 30, 90, 365]) expect(page.text).toContain(`value="${days}"`);
    expect(page.text).toMatch(/<option value="90" selected>/);

    const created = await postForm(t, "/account/tokens", { name: "spreadsheet", expiresInDays: "7" }, { cookie: facilitator.cookie });
    expect(created.status).toBe(200);
    const token = /nm_[\w-]{20,}/.exec(created.text)?.[0] ?? "";
    expect(await works(t, token)).toBe(true);
    const expiry = new Date(t.clock.now().getTime() + 7 * DAY).toISOString().slice(0, 10);
    expect(created.text).toContain(expiry);

    t.clock.advance(7 * DAY);
    const later = await getPage(t, "/account", { cookie: sessionFor(t, facilitator.user.id) });
    expect(later.text).toMatch(/<td>expired<\/td>/);
    expect(await works(t, token)).toBe(false);
  });

  it("refuses a lifetime that is not offered, naming the field", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const res = await postForm(t, "/account/tokens", { name: "x", expiresInDays: "1000" }, { cookie: facilitator.cookie });
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#expiresInDays"');
    expect(res.text).not.toMatch(/nm_[\w-]{20,}/);
  });

  it("revokes only from our own pages (CSRF) and only one's own tokens", async () => {
    const t = createTestApp();
    const { facilitator, admin } = makeCast(t);
    const { token, id } = await createToken(t, facilitator.cookie);
    const forged = await postForm(
      t,
      `/account/tokens/${id}/revoke`,
      {},
      { cookie: facilitator.cookie, headers: { Origin: "https://evil.example" } },
    );
    expect(forged.status).toBe(403);
    const someoneElse = await postForm(t, `/account/tokens/${id}/revoke`, {}, { cookie: admin.cookie });
    expect(someoneElse.status).toBe(404);
    expect(await works(t, token)).toBe(true);
    const own = await postForm(t, `/account/tokens/${id}/revoke`, {}, { cookie: facilitator.cookie });
    expect(own.status).toBe(303);
    expect(await works(t, token)).toBe(false);
    const page = await getPage(t, "/account?done=token-revoked", { cookie: facilitator.cookie });
    expect(page.text).toContain("The token was revoked.");
    expect(page.text).toMatch(/<td>revoked<\/td>/);
  });
});
