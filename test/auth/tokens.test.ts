import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { call, getPage, postForm } from "../support/http";

/** Every byte SQLite has written for the test database: the main file and its write-ahead log. */
function databaseBytes(t: TestApp): string {
  return ["test.db", "test.db-wal"]
    .map((f) => join(t.dir, f))
    .filter(existsSync)
    .map((f) => readFileSync(f).toString("latin1"))
    .join("");
}

async function createToken(t: TestApp, cookie: string, name = "nightly export") {
  const res = await call(t, "POST", "/api/v1/auth/tokens", { name }, { cookie });
  expect(res.status).toBe(201);
  return res.json as { id: string; name: string; token: string };
}

describe("personal API tokens", () => {
  it("are shown once at creation and never again", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const created = await createToken(t, facilitator.cookie);
    expect(created).toEqual({
      id: expect.any(String),
      name: "nightly export",
      token: expect.stringMatching(/^nm_[\w-]{20,}$/),
      createdAt: t.clock.now().toISOString(),
      expiresAt: new Date(t.clock.now().getTime() + 90 * 86_400_000).toISOString(),
      lastUsedOn: null,
      revoked: false,
      expired: false,
    });
    const list = await call(t, "GET", "/api/v1/auth/tokens", undefined, { cookie: facilitator.cookie });
    expect(list.status).toBe(200);
    expect(list.json.tokens).toEqual([expect.objectContaining({ id: created.id, name: "nightly export", revoked: false })]);
    expect(list.json.tokens[0]).not.toHaveProperty("token");
    expect(list.text).not.toContain(created.token);
  });

  it("are stored only as their SHA-256", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const { token } = await createToken(t, facilitator.cookie);
    const bytes = databaseBytes(t);
    expect(bytes).toContain(createHash("sha256").update(token).digest("hex"));
    expect(bytes).not.toContain(token);
    expect(bytes).not.toContain(token.slice(3)); // nor the secret part without its prefix
  });

  it("work as a bearer on the API, and note the day they were last used", async () => {
    const t = createTestApp();
    const { facilitator, network } = makeCast(t);
    const { token, id } = await createToken(t, facilitator.cookie);
    const res = await call(t, "GET", "/api/v1/networks", undefined, { token });
    expect(res.status).toBe(200);
    expect(res.json.networks.map((n: { id: string }) => n.id)).toEqual([network.id]);
    const list = await call(t, "GET", "/api/v1/auth/tokens", undefined, { token });
    expect(list.json.tokens).toEqual([expect.objectContaining({ id, lastUsedOn: "2026-03-02" })]);
  });

  it("refuse a made-up bearer with 401 even alongside a good session cookie", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const res = await call(t, "GET", "/api/v1/networks", undefined, { token: "nm_madeUpTokenValue12345", cookie: facilitator.cookie });
    expect(res.status).toBe(401);
  });

  it("name the field when the name is missing", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const res = await call(t, "POST", "/api/v1/auth/tokens", { name: "  " }, { cookie: facilitator.cookie });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([expect.objectContaining({ field: "name" })]);
  });

  it("stop working at once when revoked", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const { token, id } = await createToken(t, facilitator.cookie);
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { token })).status).toBe(200);
    expect((await call(t, "DELETE", `/api/v1/auth/tokens/${id}`, undefined, { cookie: facilitator.cookie })).status).toBe(204);
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { token })).status).toBe(401);
    const list = await call(t, "GET", "/api/v1/auth/tokens", undefined, { cookie: facilitator.cookie });
    expect(list.json.tokens).toEqual([expect.objectContaining({ id, revoked: true })]);
    expect((await call(t, "DELETE", `/api/v1/auth/tokens/${id}`, undefined, { cookie: facilitator.cookie })).status).toBe(404);
  });

  it("of another user answer 404 and keep working", async () => {
    const t = createTestApp();
    const { facilitator, admin } = makeCast(t);
    const { token, id } = await createToken(t, facilitator.cookie);
    const res = await call(t, "DELETE", `/api/v1/auth/tokens/${id}`, undefined, { cookie: admin.cookie });
    expect(res.status).toBe(404);
    expect((await call(t, "GET", "/api/v1/auth/tokens", undefined, { cookie: admin.cookie })).json.tokens).toEqual([]);
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { token })).status).toBe(200);
  });

  it("can be created and revoked from the account page, shown once", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const created = await postForm(t, "/account/tokens", { name: "spreadsheet" }, { cookie: facilitator.cookie });
    expect(created.status).toBe(200);
    const token = /nm_[\w-]{20,}/.exec(created.text)?.[0] ?? "";
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { token })).status).toBe(200);
    const account = await getPage(t, "/account", { cookie: facilitator.cookie });
    expect(account.text).toContain("spreadsheet");
    expect(account.text).not.toContain(token);

    const id = (await call(t, "GET", "/api/v1/auth/tokens", undefined, { token })).json.tokens[0].id;
    const revoked = await postForm(t, `/account/tokens/${id}/revoke`, {}, { cookie: facilitator.cookie });
    expect(revoked.status).toBe(303);
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { token })).status).toBe(401);
  });
});

describe("deactivation", () => {
  it("stops the user's sessions and tokens at once", async () => {
    const t = createTestApp();
    const { admin, facilitator } = makeCast(t);
    const { token } = await createToken(t, facilitator.cookie);
    const res = await call(t, "PATCH", `/api/v1/users/${facilitator.user.id}`, { active: false }, { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.json.active).toBe(false);
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { cookie: facilitator.cookie })).status).toBe(401);
    expect((await call(t, "GET", "/api/v1/networks", undefined, { token })).status).toBe(401);
  });

  it("from the admin page does the same", async () => {
    const t = createTestApp();
    const { admin, facilitator } = makeCast(t);
    const { token } = await createToken(t, facilitator.cookie);
    const res = await postForm(t, `/admin/users/${facilitator.user.id}/active`, { active: "false" }, { cookie: admin.cookie });
    expect(res.status).toBe(303);
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { cookie: facilitator.cookie })).status).toBe(401);
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { token })).status).toBe(401);
  });

  it("revokes tokens for good: reactivating the user does not bring them back", async () => {
    const t = createTestApp();
    const { admin, facilitator } = makeCast(t);
    const { token } = await createToken(t, facilitator.cookie);
    await call(t, "PATCH", `/api/v1/users/${facilitator.user.id}`, { active: false }, { cookie: admin.cookie });
    await call(t, "PATCH", `/api/v1/users/${facilitator.user.id}`, { active: true }, { cookie: admin.cookie });
    expect((await call(t, "GET", "/api/v1/networks", undefined, { token })).status).toBe(401);
  });
});
