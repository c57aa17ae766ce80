import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeCast, makeGrant, makeUser, sessionFor } from "../support/factories";
import { call } from "../support/http";

const fields = (res: { json: { error: { details: { field: string }[] } } }) => res.json.error.details.map((d) => d.field);

function setUp() {
  const t = createTestApp();
  const cast = makeCast(t);
  const url = `/api/v1/networks/${cast.network.id}/grants`;
  const grant = (body: unknown, cookie = cast.facilitator.cookie) => call(t, "POST", url, body, { cookie });
  return { t, cast, url, grant };
}

describe("granting access", () => {
  it("gives a colleague facilitator access by email, whatever its case", async () => {
    const { t, cast, grant } = setUp();
    const colleague = makeUser(t, { email: "colleague@example.org", name: "Colleague" });
    const res = await grant({ email: "Colleague@Example.org", role: "facilitator" });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      userId: colleague.id,
      email: "colleague@example.org",
      name: "Colleague",
      role: "facilitator",
      createdAt: t.clock.now().toISOString(),
    });
    const cookie = sessionFor(t, colleague.id);
    const patch = await call(t, "PATCH", `/api/v1/networks/${cast.network.id}`, { stage: "established" }, { cookie });
    expect(patch.status).toBe(200);
  });

  it("gives access by user id", async () => {
    const { t, grant } = setUp();
    const colleague = makeUser(t);
    const res = await grant({ userId: colleague.id, role: "commissioner" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ userId: colleague.id, role: "commissioner" });
  });

  it("gives a commissioner commissioner access: they may see the network but not manage it", async () => {
    const { t, cast, grant } = setUp();
    const funder = makeUser(t, { role: "commissioner" });
    expect((await grant({ userId: funder.id, role: "commissioner" })).status).toBe(201);
    const cookie = sessionFor(t, funder.id);
    expect((await call(t, "GET", `/api/v1/networks/${cast.network.id}`, undefined, { cookie })).status).toBe(200);
    expect((await call(t, "GET", `/api/v1/networks/${cast.network.id}/members`, undefined, { cookie })).status).toBe(403);
  });

  it("refuses facilitator access for a commissioner user (400 naming role)", async () => {
    const { t, grant, url, cast } = setUp();
    const funder = makeUser(t, { role: "commissioner", email: "funder@example.org" });
    const res = await grant({ email: "funder@example.org", role: "facilitator" });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(["role"]);
    const list = await call(t, "GET", url, undefined, { cookie: cast.facilitator.cookie });
    expect(list.json.grants.map((g: { userId: string }) => g.userId)).not.toContain(funder.id);
  });

  it.each([
    ["email", { email: "nobody@example.org", role: "facilitator" }],
    ["userId", { userId: "no-such-user", role: "facilitator" }],
    ["email", { role: "facilitator" }],
    ["email", { email: "a@example.org", userId: "x", role: "facilitator" }],
    ["email", { email: "not an email", role: "facilitator" }],
    ["role", { email: "a@example.org", role: "owner" }],
    ["role", { email: "a@example.org" }],
  ])("answers 400 naming `%s`", async (field, body) => {
    const { t, grant } = setUp();
    makeUser(t, { email: "a@example.org" });
    const res = await grant(body);
    expect(res.status).toBe(400);
    expect(fields(res)).toContain(field);
  });

  it("tells the person granting that an unknown email has no account", async () => {
    const { grant } = setUp();
    const res = await grant({ email: "nobody@example.org", role: "facilitator" });
    expect(res.json.error.message).toMatch(/^email: there is no netmirror account/);
  });

  it("refuses a deactivated account (400 naming email)", async () => {
    const { t, grant } = setUp();
    makeUser(t, { email: "gone@example.org", active: false });
    const res = await grant({ email: "gone@example.org", role: "facilitator" });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(["email"]);
  });

  it("answers 409 when the person already has access", async () => {
    const { cast, grant } = setUp();
    const res = await grant({ userId: cast.commissioner.user.id, role: "commissioner" });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("conflict");
  });
});

describe("listing and removing grants", () => {
  it("lists who has access", async () => {
    const { t, cast, url } = setUp();
    const res = await call(t, "GET", url, undefined, { cookie: cast.admin.cookie });
    expect(res.status).toBe(200);
    const byUser = Object.fromEntries(res.json.grants.map((g: { userId: string; role: string }) => [g.userId, g.role]));
    expect(byUser).toEqual({
      [cast.facilitator.user.id]: "facilitator",
      [cast.commissioner.user.id]: "commissioner",
      [cast.deactivated.user.id]: "facilitator",
    });
  });

  it("removes access at once: the network then answers 404", async () => {
    const { t, cast, url } = setUp();
    const grantId = (await call(t, "GET", url, undefined, { cookie: cast.facilitator.cookie })).json.grants.find(
      (g: { userId: string }) => g.userId === cast.commissioner.user.id,
    ).id;
    const res = await call(t, "DELETE", `${url}/${grantId}`, undefined, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await call(t, "GET", `/api/v1/networks/${cast.network.id}`, undefined, { cookie: cast.commissioner.cookie })).status).toBe(404);
    expect((await call(t, "GET", "/api/v1/networks", undefined, { cookie: cast.commissioner.cookie })).json.networks).toEqual([]);
  });

  it("answers 404 for an unknown grant, and for a grant of another network", async () => {
    const { t, cast, url } = setUp();
    expect((await call(t, "DELETE", `${url}/nope`, undefined, { cookie: cast.facilitator.cookie })).status).toBe(404);
    const foreign = makeGrant(t, cast.otherNetwork.id, makeUser(t).id, "facilitator");
    expect((await call(t, "DELETE", `${url}/${foreign.id}`, undefined, { cookie: cast.facilitator.cookie })).status).toBe(404);
    const theirs = await call(t, "GET", `/api/v1/networks/${cast.otherNetwork.id}/grants`, undefined, { cookie: cast.admin.cookie });
    expect(theirs.json.grants.map((g: { id: string }) => g.id)).toContain(foreign.id);
  });
});
