import { describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, makeNetwork } from "../support/factories";
import { call, getPage, postForm } from "../support/http";

const fields = (res: { json: { error: { details: { field: string }[] } } }) => res.json.error.details.map((d) => d.field);
const networkCount = (t: TestApp) => (t.db.$client.prepare("select count(*) as n from networks").get() as { n: number }).n;
const ids = (res: { json: { networks: { id: string }[] } }) => res.json.networks.map((n) => n.id).sort();

describe("creating a network", () => {
  it("makes the facilitator who creates it its facilitator", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const res = await call(t, "POST", "/api/v1/networks", { name: "  Coastal Care Network  " }, { cookie: facilitator.cookie });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      name: "Coastal Care Network",
      description: "",
      stage: "forming",
      timeZone: "Europe/London",
      access: "facilitator",
      createdAt: t.clock.now().toISOString(),
    });
    const grants = await call(t, "GET", `/api/v1/networks/${res.json.id}/grants`, undefined, { cookie: facilitator.cookie });
    expect(grants.json.grants).toEqual([expect.objectContaining({ userId: facilitator.user.id, role: "facilitator" })]);
    const list = await call(t, "GET", "/api/v1/networks", undefined, { cookie: facilitator.cookie });
    expect(list.json.networks).toContainEqual(expect.objectContaining({ id: res.json.id, access: "facilitator" }));
  });

  it("by an admin needs no grant", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const res = await call(
      t,
      "POST",
      "/api/v1/networks",
      { name: "Valley", description: "Home care", stage: "established" },
      { cookie: admin.cookie },
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: "Valley", description: "Home care", stage: "established", access: "admin" });
    const grants = await call(t, "GET", `/api/v1/networks/${res.json.id}/grants`, undefined, { cookie: admin.cookie });
    expect(grants.json.grants).toEqual([]);
  });

  it("is refused to commissioners, by the API and by the form", async () => {
    const t = createTestApp();
    const { commissioner } = makeCast(t);
    const before = networkCount(t);
    const api = await call(t, "POST", "/api/v1/networks", { name: "Mine" }, { cookie: commissioner.cookie });
    expect(api.status).toBe(403);
    const form = await postForm(t, "/networks", { name: "Mine", stage: "forming" }, { cookie: commissioner.cookie });
    expect(form.status).toBe(403);
    expect(networkCount(t)).toBe(before);
  });

  it.each([
    ["name", {}],
    ["name", { name: "   " }],
    ["name", { name: "x".repeat(201) }],
    ["stage", { name: "Valley", stage: "mature" }],
    ["description", { name: "Valley", description: "x".repeat(2001) }],
    ["owner", { name: "Valley", owner: "me" }],
  ])("answers 400 naming `%s`", async (field, body) => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const before = networkCount(t);
    const res = await call(t, "POST", "/api/v1/networks", body, { cookie: facilitator.cookie });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual([field]);
    expect(networkCount(t)).toBe(before);
  });

  it("from the home page form redirects to the new network, and names an empty name", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const res = await postForm(
      t,
      "/networks",
      { name: "Harbour Network", description: "", stage: "renewing" },
      { cookie: facilitator.cookie },
    );
    expect(res.status).toBe(303);
    const page = await getPage(t, res.headers.get("location") ?? "", { cookie: facilitator.cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain("<h1>Harbour Network</h1>");
    expect(page.text).toContain("Renewing");

    const empty = await postForm(t, "/networks", { name: "", stage: "forming" }, { cookie: facilitator.cookie });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#name"');
  });
});

describe("listing networks", () => {
  it("shows each person only the networks they may see", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const list = async (cookie: string) => ids(await call(t, "GET", "/api/v1/networks", undefined, { cookie }));
    expect(await list(cast.admin.cookie)).toEqual([cast.network.id, cast.otherNetwork.id].sort());
    expect(await list(cast.facilitator.cookie)).toEqual([cast.network.id]);
    expect(await list(cast.otherFacilitator.cookie)).toEqual([cast.otherNetwork.id]);
    expect(await list(cast.commissioner.cookie)).toEqual([cast.network.id]);
    expect(await list(cast.otherCommissioner.cookie)).toEqual([cast.otherNetwork.id]);
  });

  it("says how the caller relates to each network", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const res = await call(t, "GET", "/api/v1/networks", undefined, { cookie: cast.commissioner.cookie });
    expect(res.json.networks).toEqual([expect.objectContaining({ id: cast.network.id, name: cast.network.name, access: "commissioner" })]);
  });

  it("on the home page, too", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const home = await getPage(t, "/", { cookie: cast.facilitator.cookie });
    expect(home.status).toBe(200);
    expect(home.text).toContain(cast.network.name);
    expect(home.text).not.toContain(cast.otherNetwork.name);
    expect(home.text).toContain('action="/networks"');
    const commissionerHome = await getPage(t, "/", { cookie: cast.commissioner.cookie });
    expect(commissionerHome.text).toContain(cast.network.name);
    expect(commissionerHome.text).not.toContain('action="/networks"');
  });
});

describe("one network", () => {
  it("answers someone who may not see it exactly as if it did not exist", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const hidden = await call(t, "GET", `/api/v1/networks/${cast.network.id}`, undefined, { cookie: cast.otherFacilitator.cookie });
    const missing = await call(t, "GET", "/api/v1/networks/does-not-exist", undefined, { cookie: cast.otherFacilitator.cookie });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect({ ...hidden.json.error, requestId: "" }).toEqual({ ...missing.json.error, requestId: "" });
  });

  it("can be changed by its facilitator, field by field", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const url = `/api/v1/networks/${cast.network.id}`;
    const res = await call(t, "PATCH", url, { name: "Renamed", stage: "renewing" }, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: cast.network.id, name: "Renamed", stage: "renewing", access: "facilitator" });
    const described = await call(t, "PATCH", url, { description: "Care for older people" }, { cookie: cast.facilitator.cookie });
    expect(described.json).toMatchObject({ name: "Renamed", description: "Care for older people" });
    const got = await call(t, "GET", url, undefined, { cookie: cast.commissioner.cookie });
    expect(got.json).toMatchObject({ name: "Renamed", stage: "renewing", description: "Care for older people", access: "commissioner" });
  });

  it("answers an empty change with the network as it is", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const res = await call(t, "PATCH", `/api/v1/networks/${cast.network.id}`, {}, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: cast.network.id, name: cast.network.name });
  });

  it("names the field of a bad change and keeps the network as it was", async () => {
    const t = createTestApp();
    const network = makeNetwork(t, { name: "Valley", stage: "developing" });
    const { admin } = makeCast(t);
    for (const [field, body] of [
      ["stage", { stage: "finished" }],
      ["name", { name: "" }],
      ["id", { id: "new-id" }],
    ] as const) {
      const res = await call(t, "PATCH", `/api/v1/networks/${network.id}`, body, { cookie: admin.cookie });
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual([field]);
    }
    const got = await call(t, "GET", `/api/v1/networks/${network.id}`, undefined, { cookie: admin.cookie });
    expect(got.json).toMatchObject({ name: "Valley", stage: "developing" });
  });

  it("may be seen but not changed by its commissioner", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const res = await call(t, "PATCH", `/api/v1/networks/${cast.network.id}`, { name: "Mine now" }, { cookie: cast.commissioner.cookie });
    expect(res.status).toBe(403);
    const page = await getPage(t, `/networks/${cast.network.id}`, { cookie: cast.commissioner.cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain(cast.network.name);
  });
});
