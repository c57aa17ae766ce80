import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, organisations } from "../../src/db/schema";
import { createTestApp } from "../support/app";
import { makeCast, makeRound } from "../support/factories";
import { call } from "../support/http";
import { makeOrganisation, useInRound } from "./support";

function setUp() {
  const t = createTestApp();
  const cast = makeCast(t);
  const list = `/api/v1/networks/${cast.network.id}/organisations`;
  return { t, cast, list, cookie: cast.facilitator.cookie };
}

const stored = (t: ReturnType<typeof setUp>["t"], id: string) => t.db.select().from(organisations).where(eq(organisations.id, id)).get();

describe("organisations API: happy paths", () => {
  it("adds an organisation with a trimmed name, active by default, and lists the network's in name order", async () => {
    const { t, cast, list, cookie } = setUp();
    makeOrganisation(t, cast.otherNetwork.id, { name: "Not ours" });
    const created = await call(t, "POST", list, { name: "  Valley Hospital ", type: "hospital" }, { cookie });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      networkId: cast.network.id,
      name: "Valley Hospital",
      type: "hospital",
      active: true,
      usedByRounds: 0,
    });
    expect(typeof created.json.id).toBe("string");
    await call(t, "POST", list, { name: "age well (charity)", type: "voluntary", active: false }, { cookie });
    await call(t, "POST", list, { name: "Hill Practice", type: "primary_care" }, { cookie });
    const res = await call(t, "GET", list, undefined, { cookie });
    expect(res.status).toBe(200);
    expect(res.json.organisations.map((o: { name: string; active: boolean }) => [o.name, o.active])).toEqual([
      ["age well (charity)", false],
      ["Hill Practice", true],
      ["Valley Hospital", true],
    ]);
  });

  it("renames, retypes, deactivates and reactivates; each change is audited", async () => {
    const { t, cast, cookie } = setUp();
    const org = makeOrganisation(t, cast.network.id, { name: "Valley Hospital" });
    const path = `/api/v1/organisations/${org.id}`;
    const renamed = await call(t, "PATCH", path, { name: "Valley General Hospital", type: "community" }, { cookie });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ id: org.id, name: "Valley General Hospital", type: "community", active: true });
    expect((await call(t, "PATCH", path, { active: false }, { cookie })).json.active).toBe(false);
    expect((await call(t, "PATCH", path, { active: true }, { cookie })).json.active).toBe(true);
    // Changing only the case of its own name is no conflict.
    expect((await call(t, "PATCH", path, { name: "VALLEY GENERAL HOSPITAL" }, { cookie })).status).toBe(200);
    const audited = t.db.select().from(auditLog).where(eq(auditLog.targetId, org.id)).all();
    expect(audited.map((a) => a.action)).toEqual(Array(4).fill("organisation.update"));
  });

  it("deletes an organisation no round used", async () => {
    const { t, cast, cookie } = setUp();
    const org = makeOrganisation(t, cast.network.id, { name: "Valley Hospital" });
    const res = await call(t, "DELETE", `/api/v1/organisations/${org.id}`, undefined, { cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ result: "deleted", organisation: { id: org.id, name: "Valley Hospital" } });
    expect(stored(t, org.id)).toBeUndefined();
  });

  it("deactivates, rather than deletes, an organisation a round used, and says so", async () => {
    const { t, cast, cookie } = setUp();
    const org = makeOrganisation(t, cast.network.id, { name: "Valley Hospital" });
    const round = makeRound(t, cast.network.id, { status: "closed", modules: ["connections"] });
    useInRound(t, round.id, org);
    const res = await call(t, "DELETE", `/api/v1/organisations/${org.id}`, undefined, { cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ result: "deactivated", organisation: { id: org.id, active: false, usedByRounds: 1 } });
    expect(stored(t, org.id)).toMatchObject({ active: false, name: "Valley Hospital" });
    const listed = await call(t, "GET", `/api/v1/networks/${cast.network.id}/organisations`, undefined, { cookie });
    expect(listed.json.organisations[0]).toMatchObject({ id: org.id, usedByRounds: 1, active: false });
  });

  it("is described in the OpenAPI document, deactivation included", async () => {
    const { t } = setUp();
    const doc = (await call(t, "GET", "/api/v1/openapi.json")).json;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/networks/{id}/organisations", "/organisations/{id}"]));
    expect(doc.paths["/organisations/{id}"].delete.description).toContain("deactivated instead");
    expect(doc.components.schemas.Organisation.properties.type.description).toContain("primary_care");
  });
});

describe("organisations API: refusals", () => {
  it("refuses a name already in the network whatever its case, with 409 naming name; another network may use it", async () => {
    const { t, cast, list, cookie } = setUp();
    makeOrganisation(t, cast.network.id, { name: "Valley Hospital" });
    const res = await call(t, "POST", list, { name: "valley HOSPITAL", type: "hospital" }, { cookie });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "conflict", details: [{ field: "name" }] });
    expect(res.json.error.requestId).toEqual(expect.any(String));
    const other = await call(
      t,
      "POST",
      `/api/v1/networks/${cast.otherNetwork.id}/organisations`,
      { name: "Valley Hospital", type: "hospital" },
      {
        cookie: cast.otherFacilitator.cookie,
      },
    );
    expect(other.status).toBe(201);
  });

  it("refuses renaming to another organisation's name with 409 naming name", async () => {
    const { t, cast, cookie } = setUp();
    makeOrganisation(t, cast.network.id, { name: "Valley Hospital" });
    const org = makeOrganisation(t, cast.network.id, { name: "Hill Practice" });
    const res = await call(t, "PATCH", `/api/v1/organisations/${org.id}`, { name: " VALLEY hospital" }, { cookie });
    expect(res.status).toBe(409);
    expect(res.json.error.details).toEqual([{ field: "name", message: expect.stringContaining("already") }]);
    expect(stored(t, org.id)?.name).toBe("Hill Practice");
  });

  it.each([
    [{ name: "", type: "hospital" }, "name"],
    [{ name: "   ", type: "hospital" }, "name"],
    [{ name: "x".repeat(121), type: "hospital" }, "name"],
    [{ name: "Valley Hospital", type: "ziekenhuis" }, "type"],
    [{ name: "Valley Hospital" }, "type"],
    [{ type: "hospital" }, "name"],
    [{ name: "Valley Hospital", type: "hospital", active: "yes" }, "active"],
    [{ name: "Valley Hospital", type: "hospital", colour: "red" }, "colour"],
  ])("refuses %j with 400 naming %s", async (body, field) => {
    const { t, cast, list, cookie } = setUp();
    const res = await call(t, "POST", list, body, { cookie });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_input");
    expect(res.json.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(t.db.select().from(organisations).where(eq(organisations.networkId, cast.network.id)).all()).toEqual([]);
  });

  it("accepts a name of exactly 120 characters", async () => {
    const { t, list, cookie } = setUp();
    expect((await call(t, "POST", list, { name: "x".repeat(120), type: "other" }, { cookie })).status).toBe(201);
  });

  it("refuses a bad PATCH with 400 naming the field", async () => {
    const { t, cast, cookie } = setUp();
    const org = makeOrganisation(t, cast.network.id);
    for (const [body, field] of [
      [{ name: "" }, "name"],
      [{ type: "clinic" }, "type"],
      [{ active: 1 }, "active"],
      [{ id: "x" }, "id"],
    ] as const) {
      const res = await call(t, "PATCH", `/api/v1/organisations/${org.id}`, body, { cookie });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.details[0].field).toBe(field);
    }
  });

  it("answers 404 for an organisation that does not exist, or of a network the caller may not see", async () => {
    const { t, cast, cookie } = setUp();
    const theirs = makeOrganisation(t, cast.otherNetwork.id, { name: "Their Hospital" });
    for (const id of ["no-such-organisation", theirs.id]) {
      for (const [method, body] of [
        ["PATCH", { name: "Mine now" }],
        ["DELETE", undefined],
      ] as const) {
        const res = await call(t, method, `/api/v1/organisations/${id}`, body, { cookie });
        expect(res.status).toBe(404);
        expect(res.json.error).toMatchObject({ code: "not_found", message: "Organisation not found" });
        expect(res.text).not.toContain("Their Hospital");
      }
    }
    expect(stored(t, theirs.id)?.name).toBe("Their Hospital");
  });
});
