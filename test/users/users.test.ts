import { describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/lib/logger";
import { ensureFirstAdmin } from "../../src/users/first-admin";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, makeGrant, makeNetwork, makeUser } from "../support/factories";
import { call, getPage, postForm } from "../support/http";

const NEW_USER = { email: "Nadia.Bakker@Example.org", name: "Nadia Bakker", role: "facilitator", password: "a long enough password" };

const fields = (res: { json: { error: { details: { field: string }[] } } }) => res.json.error.details.map((d) => d.field);
const userCount = (t: TestApp) => (t.db.$client.prepare("select count(*) as n from users").get() as { n: number }).n;

describe("creating users", () => {
  it("lets an admin create a user, who can then sign in", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const res = await call(t, "POST", "/api/v1/users", NEW_USER, { cookie: admin.cookie });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      email: "nadia.bakker@example.org",
      name: "Nadia Bakker",
      role: "facilitator",
      active: true,
      createdAt: t.clock.now().toISOString(),
    });
    expect(res.text).not.toContain(NEW_USER.password);
    const login = await call(t, "POST", "/api/v1/auth/login", { email: "nadia.bakker@example.org", password: NEW_USER.password });
    expect(login.status).toBe(200);
  });

  it("answers 409 for an email already in use, whatever its case", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    makeUser(t, { email: "nadia.bakker@example.org" });
    const before = userCount(t);
    const res = await call(t, "POST", "/api/v1/users", NEW_USER, { cookie: admin.cookie });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("conflict");
    expect(fields(res)).toEqual(["email"]);
    expect(userCount(t)).toBe(before);
  });

  it.each([
    ["role", { role: "superuser" }],
    ["password", { password: "too short" }],
    ["email", { email: "not an email" }],
    ["name", { name: "   " }],
    ["isAdmin", { isAdmin: true }],
  ])("answers 400 naming `%s`", async (field, change) => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const before = userCount(t);
    const res = await call(t, "POST", "/api/v1/users", { ...NEW_USER, ...change }, { cookie: admin.cookie });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_input");
    expect(fields(res)).toEqual([field]);
    expect(res.json.error.message).toMatch(new RegExp(`^${field}: `));
    expect(userCount(t)).toBe(before);
  });

  it("is for admins only", async () => {
    const t = createTestApp();
    const { facilitator, commissioner } = makeCast(t);
    const before = userCount(t);
    for (const who of [facilitator, commissioner]) {
      const res = await call(t, "POST", "/api/v1/users", { ...NEW_USER, role: "admin" }, { cookie: who.cookie });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("forbidden");
    }
    expect((await call(t, "POST", "/api/v1/users", NEW_USER)).status).toBe(401);
    expect(userCount(t)).toBe(before);
  });
});

describe("listing users", () => {
  it("shows admins everyone, without password hashes", async () => {
    const t = createTestApp();
    const { admin, facilitator, deactivated } = makeCast(t);
    const res = await call(t, "GET", "/api/v1/users", undefined, { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.json.users).toHaveLength(userCount(t));
    expect(res.json.users).toContainEqual(
      expect.objectContaining({ id: facilitator.user.id, email: facilitator.user.email, active: true }),
    );
    expect(res.json.users).toContainEqual(expect.objectContaining({ id: deactivated.user.id, active: false }));
    expect(res.text).not.toContain("argon2");
  });

  it("refuses facilitators and commissioners", async () => {
    const t = createTestApp();
    const { facilitator, commissioner } = makeCast(t);
    expect((await call(t, "GET", "/api/v1/users", undefined, { cookie: facilitator.cookie })).status).toBe(403);
    expect((await call(t, "GET", "/api/v1/users", undefined, { cookie: commissioner.cookie })).status).toBe(403);
  });
});

describe("changing users", () => {
  it("changes name, role and active", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const user = makeUser(t, { role: "facilitator" });
    const patch = (body: object) => call(t, "PATCH", `/api/v1/users/${user.id}`, body, { cookie: admin.cookie });
    expect((await patch({ name: "Sam de Vries" })).json).toMatchObject({ id: user.id, name: "Sam de Vries", role: "facilitator" });
    expect((await patch({ role: "commissioner" })).json).toMatchObject({ role: "commissioner" });
    expect((await patch({ active: false })).json).toMatchObject({ active: false });
    expect((await patch({ active: true, role: "admin" })).json).toMatchObject({ active: true, role: "admin", name: "Sam de Vries" });
  });

  it("answers an empty change with the user as they are", async () => {
    const t = createTestApp();
    const { admin, facilitator } = makeCast(t);
    const res = await call(t, "PATCH", `/api/v1/users/${facilitator.user.id}`, {}, { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: facilitator.user.id, name: facilitator.user.name, active: true });
  });

  it("refuses to make a facilitator who holds a facilitator grant into a commissioner (400 naming role)", async () => {
    const t = createTestApp();
    const { admin, facilitator } = makeCast(t);
    const res = await call(t, "PATCH", `/api/v1/users/${facilitator.user.id}`, { role: "commissioner" }, { cookie: admin.cookie });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(["role"]);
    const me = await call(t, "GET", "/api/v1/auth/me", undefined, { cookie: facilitator.cookie });
    expect(me.json.role).toBe("facilitator");
  });

  it("allows it for a facilitator whose only grants are commissioner grants", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const user = makeUser(t, { role: "facilitator" });
    makeGrant(t, makeNetwork(t).id, user.id, "commissioner");
    const res = await call(t, "PATCH", `/api/v1/users/${user.id}`, { role: "commissioner" }, { cookie: admin.cookie });
    expect(res.status).toBe(200);
  });

  it("will not let an admin deactivate or demote themself", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const off = await call(t, "PATCH", `/api/v1/users/${admin.user.id}`, { active: false }, { cookie: admin.cookie });
    expect(off.status).toBe(409);
    expect(off.json.error.code).toBe("conflict");
    expect(off.json.error.message).toBe("You cannot deactivate your own account: ask another administrator to do it");
    expect(fields(off)).toEqual(["active"]);
    const demote = await call(t, "PATCH", `/api/v1/users/${admin.user.id}`, { role: "facilitator" }, { cookie: admin.cookie });
    expect(demote.status).toBe(409);
    expect(fields(demote)).toEqual(["role"]);
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { cookie: admin.cookie })).json.role).toBe("admin");
  });

  it("lets an admin deactivate another admin", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const other = makeUser(t, { role: "admin" });
    expect((await call(t, "PATCH", `/api/v1/users/${other.id}`, { active: false }, { cookie: admin.cookie })).status).toBe(200);
  });

  it("answers 404 for an unknown user, 400 naming an unknown field, 403 for non-admins", async () => {
    const t = createTestApp();
    const { admin, facilitator, commissioner } = makeCast(t);
    expect((await call(t, "PATCH", "/api/v1/users/nobody", { name: "X" }, { cookie: admin.cookie })).status).toBe(404);
    const unknown = await call(t, "PATCH", `/api/v1/users/${facilitator.user.id}`, { email: "new@example.org" }, { cookie: admin.cookie });
    expect(unknown.status).toBe(400);
    expect(fields(unknown)).toEqual(["email"]);
    for (const who of [facilitator, commissioner]) {
      const res = await call(t, "PATCH", `/api/v1/users/${who.user.id}`, { role: "admin" }, { cookie: who.cookie });
      expect(res.status).toBe(403);
    }
  });
});

describe("the admin page", () => {
  it("lists users and creates one from the form", async () => {
    const t = createTestApp();
    const { admin, facilitator } = makeCast(t);
    const page = await getPage(t, "/admin/users", { cookie: admin.cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain(facilitator.user.email);
    const res = await postForm(t, "/admin/users", NEW_USER, { cookie: admin.cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/users?done=created");
    expect((await getPage(t, "/admin/users", { cookie: admin.cookie })).text).toContain("nadia.bakker@example.org");
  });

  it("offers no Deactivate on your own account, and says why when it is posted anyway", async () => {
    const t = createTestApp();
    const { admin, facilitator } = makeCast(t);
    const page = (await getPage(t, "/admin/users", { cookie: admin.cookie })).text;
    expect(page).not.toContain(`action="/admin/users/${admin.user.id}/active"`);
    expect(page).toContain(`action="/admin/users/${facilitator.user.id}/active"`);
    expect(page).toContain("Your own account");
    const res = await postForm(t, `/admin/users/${admin.user.id}/active`, { active: "false" }, { cookie: admin.cookie });
    expect(res.status).toBe(409);
    expect(res.text).toContain("You cannot deactivate your own account: ask another administrator to do it");
    expect(res.text).toContain('id="users"');
    expect((await call(t, "GET", "/api/v1/auth/me", undefined, { cookie: admin.cookie })).status).toBe(200);
  });

  it("shows roles in plain words, in English and in Dutch", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const cells = (html: string) => [...html.matchAll(/<td lang="(en|nl)">([^<]+)<\/td>/g)].map((m) => `${m[1]}:${m[2]}`);
    const en = (await getPage(t, "/admin/users", { cookie: admin.cookie })).text;
    expect(new Set(cells(en))).toEqual(new Set(["en:administrator", "en:facilitator", "en:commissioner"]));
    expect(en).not.toMatch(/<td[^>]*>admin<\/td>/);
    const nl = (await getPage(t, "/admin/users", { cookie: admin.cookie, headers: { "Accept-Language": "nl-NL,nl;q=0.9" } })).text;
    expect(new Set(cells(nl))).toEqual(new Set(["nl:beheerder", "nl:begeleider", "nl:opdrachtgever"]));
    expect(nl).toContain(">beheerder — beheert de dienst</option>");
  });

  it("names the field when the email is taken or the password short", async () => {
    const t = createTestApp();
    const { admin, facilitator } = makeCast(t);
    const taken = await postForm(t, "/admin/users", { ...NEW_USER, email: facilitator.user.email }, { cookie: admin.cookie });
    expect(taken.status).toBe(400);
    expect(taken.text).toContain('href="#email"');
    const short = await postForm(t, "/admin/users", { ...NEW_USER, password: "short" }, { cookie: admin.cookie });
    expect(short.status).toBe(400);
    expect(short.text).toContain('href="#password"');
  });
});

describe("ensureFirstAdmin", () => {
  const ADMIN = { email: "admin@example.org", password: "the first admin's password" };

  it("creates an administrator from ADMIN_EMAIL/ADMIN_PASSWORD when there is no user, and logs no password", async () => {
    const t = createTestApp();
    const { logger, lines } = memoryLogger();
    await ensureFirstAdmin({ db: t.db, clock: t.clock, logger }, ADMIN);
    const login = await call(t, "POST", "/api/v1/auth/login", ADMIN);
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ email: "admin@example.org", role: "admin", active: true });
    expect(JSON.stringify(lines)).not.toContain(ADMIN.password);
  });

  it("does nothing once any user exists", async () => {
    const t = createTestApp();
    makeUser(t, { role: "commissioner" });
    const { logger } = memoryLogger();
    await ensureFirstAdmin({ db: t.db, clock: t.clock, logger }, ADMIN);
    expect(userCount(t)).toBe(1);
    expect((await call(t, "POST", "/api/v1/auth/login", ADMIN)).status).toBe(401);
  });

  it("does not create a second admin when run again (every start)", async () => {
    const t = createTestApp();
    const { logger } = memoryLogger();
    await ensureFirstAdmin({ db: t.db, clock: t.clock, logger }, ADMIN);
    await ensureFirstAdmin({ db: t.db, clock: t.clock, logger }, { ...ADMIN, email: "second@example.org" });
    expect(userCount(t)).toBe(1);
  });

  it("warns how to create one when there is no user and no configured admin", async () => {
    const t = createTestApp();
    const { logger, lines } = memoryLogger();
    await ensureFirstAdmin({ db: t.db, clock: t.clock, logger });
    expect(userCount(t)).toBe(0);
    expect(lines).toEqual([expect.objectContaining({ level: "warn", msg: expect.stringContaining("ADMIN_EMAIL and ADMIN_PASSWORD") })]);
  });
});
