import { describe, expect, it } from "vitest";
import { createTestApp } from "../../support/app";
import { makeNetwork, makeUser, sessionFor } from "../../support/factories";
import { call } from "../../support/http";
import { heatmapFixture } from "./fixture";

describe("GET /api/v1/portfolio", () => {
  it("gives every network the commissioner may see, a page at a time, with figures as on the heatmap", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const first = await call(t, "GET", "/api/v1/portfolio?pageSize=2", undefined, { cookie: f.commissioner.cookie });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ totalNetworks: 5, page: 1, pageSize: 2, nextPage: 2, instrument: { id: "core", version: 1 } });
    expect(first.json.networks.map((n: { name: string }) => n.name)).toEqual(["Alder Network", "Birch Partnership"]);
    const alder = first.json.networks[0];
    expect(alder.latestRound).toMatchObject({
      n: 5,
      responseRate: null,
      confidence: "low",
      suppressed: false,
      closedAt: "2026-03-01T12:00:00.000Z",
    });
    expect(alder.latestRound.figures.purpose).toEqual({ score: 85, band: "strong", change: 45, difference: "above" });
    expect(first.json.averages.overall).toEqual({ score: 70, band: "strong", networks: 4 });
    const all: string[] = [];
    for (let page = 1; page; ) {
      const res = await call(t, "GET", `/api/v1/portfolio?pageSize=2&page=${page}`, undefined, { cookie: f.commissioner.cookie });
      all.push(...res.json.networks.map((n: { name: string }) => n.name));
      page = res.json.nextPage;
    }
    expect(all).toEqual(["Alder Network", "Birch Partnership", "Cedar Collaborative", "Dogwood Alliance", "Elm Network"]);
    const dogwood = (await call(t, "GET", "/api/v1/portfolio?stage=established", undefined, { cookie: f.commissioner.cookie })).json;
    expect(dogwood.networks.map((n: { name: string }) => n.name)).toEqual(["Alder Network", "Dogwood Alliance"]);
    // Too few answers: null figures, nothing derived from answers.
    expect(dogwood.networks[1].latestRound.figures.overall).toEqual({ score: null, band: null, change: null, difference: null });
    const past = await call(t, "GET", "/api/v1/portfolio?page=9", undefined, { cookie: f.commissioner.cookie });
    expect(past.json).toMatchObject({ networks: [], nextPage: null });
  });

  it("refuses a bad page or page size naming the field, and anonymous callers", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    for (const [query, field] of [
      ["pageSize=501", "pageSize"],
      ["pageSize=0", "pageSize"],
      ["page=0", "page"],
      ["page=x", "page"],
      ["stage=nope", "stage"],
    ]) {
      const res = await call(t, "GET", `/api/v1/portfolio?${query}`, undefined, { cookie: f.commissioner.cookie });
      expect(res.status, query).toBe(400);
      expect(res.json.error.details[0].field, query).toBe(field);
    }
    expect((await call(t, "GET", "/api/v1/portfolio")).status).toBe(401);
  });

  it("gives an administrator every network, and a person without grants none", async () => {
    const t = createTestApp();
    heatmapFixture(t);
    const admin = makeUser(t, { role: "admin" });
    const res = await call(t, "GET", "/api/v1/portfolio?pageSize=500", undefined, { cookie: sessionFor(t, admin.id) });
    expect(res.json.totalNetworks).toBe(6);
    const nobody = makeUser(t, { role: "commissioner" });
    makeNetwork(t);
    const none = await call(t, "GET", "/api/v1/portfolio", undefined, { cookie: sessionFor(t, nobody.id) });
    expect(none.json).toMatchObject({ totalNetworks: 0, networks: [], nextPage: null });
  });
});

describe("PATCH /api/v1/portfolio", () => {
  it("names the portfolio and turns the benchmark on; 400 names a bad field; 403 for a facilitator", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const res = await call(t, "PATCH", "/api/v1/portfolio", { name: "Region North", benchmark: true }, { cookie: f.commissioner.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ name: "Region North", benchmark: true });
    const read = await call(t, "GET", "/api/v1/portfolio", undefined, { cookie: f.commissioner.cookie });
    expect(read.json).toMatchObject({ name: "Region North", benchmark: true });
    const bad = await call(t, "PATCH", "/api/v1/portfolio", { name: "" }, { cookie: f.commissioner.cookie });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].field).toBe("name");
    const extra = await call(t, "PATCH", "/api/v1/portfolio", { benchmark: "yes" }, { cookie: f.commissioner.cookie });
    expect(extra.json.error.details[0].field).toBe("benchmark");
    const facilitator = makeUser(t, { role: "facilitator" });
    expect((await call(t, "PATCH", "/api/v1/portfolio", { name: "Mine" }, { cookie: sessionFor(t, facilitator.id) })).status).toBe(403);
  });
});

describe("the OpenAPI document", () => {
  it("describes the portfolio and keeps compare's limit of 500 ids", async () => {
    const t = createTestApp();
    const doc = (await call(t, "GET", "/api/v1/openapi.json")).json;
    expect(Object.keys(doc.paths["/portfolio"])).toEqual(["get", "patch"]);
    const params = doc.paths["/portfolio"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(["page", "pageSize", "stage"]);
    expect(doc.paths["/compare"].get.parameters.find((p: { name: string }) => p.name === "networkIds").description).toContain("1–500");
  });
});
