import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MAX_ROUND_ORGANISATIONS, rounds, roundOrganisations as snapshots } from "../../src/db/schema";
import { roundOrganisations } from "../../src/organisations/queries";
import { previewModules } from "../../src/survey/modules";
import { createTestApp } from "../support/app";
import { makeCast, makeRound } from "../support/factories";
import { call } from "../support/http";
import { makeOrganisation, makeOrganisations } from "./support";

function setUp() {
  const t = createTestApp({ now: "2026-03-02T09:00:00Z" });
  const cast = makeCast(t);
  const cookie = cast.facilitator.cookie;
  const create = (body: Record<string, unknown>) => call(t, "POST", `/api/v1/networks/${cast.network.id}/rounds`, body, { cookie });
  const open = (id: string) => call(t, "POST", `/api/v1/rounds/${id}/open`, undefined, { cookie });
  return { t, cast, cookie, create, open };
}

const storedModules = (t: ReturnType<typeof setUp>["t"], id: string) => t.db.select().from(rounds).where(eq(rounds.id, id)).get()?.modules;

describe("creating a round with modules", () => {
  it("stores and returns the modules, in their usual order; none by default", async () => {
    const { t, cast, create } = setUp();
    makeOrganisations(t, cast.network.id, 3);
    const both = await create({ title: "Autumn", modules: ["maturity", "connections"] });
    expect(both.status).toBe(201);
    expect(both.json.modules).toEqual(["connections", "maturity"]);
    expect(storedModules(t, both.json.id)).toEqual(["connections", "maturity"]);
    const maturity = await create({ title: "Maturity only", modules: ["maturity"] });
    expect(maturity.json.modules).toEqual(["maturity"]);
    const none = await create({ title: "Plain" });
    expect(none.json.modules).toEqual([]);
    const read = await call(t, "GET", `/api/v1/rounds/${both.json.id}`, undefined, { cookie: cast.commissioner.cookie });
    expect(read.json.modules).toEqual(["connections", "maturity"]);
  });

  it.each([
    [["network-map"], "modules.0"],
    [["maturity", "maturity"], "modules"],
    ["maturity", "modules"],
    [[1], "modules.0"],
  ])("refuses modules %j with 400 naming %s", async (modules, field) => {
    const { t, create } = setUp();
    const res = await create({ title: "R", modules });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_input");
    expect(res.json.error.details[0].field).toBe(field);
    expect(t.db.select().from(rounds).all()).toEqual([]);
  });

  it("refuses the connections module with fewer than 3 active organisations (400 naming modules), and takes it at 3", async () => {
    const { t, cast, create } = setUp();
    makeOrganisations(t, cast.network.id, 2);
    // Inactive organisations and another network's do not count.
    makeOrganisation(t, cast.network.id, { active: false });
    makeOrganisations(t, cast.otherNetwork.id, 3);
    const refused = await create({ title: "R", modules: ["connections"] });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual([{ field: "modules", message: expect.stringContaining("at least 3 active organisations") }]);
    expect(refused.json.error.message).toContain("has 2");
    makeOrganisation(t, cast.network.id);
    expect((await create({ title: "R", modules: ["connections"] })).status).toBe(201);
  });
});

describe("opening a round with the connections module", () => {
  it("copies the network's active organisations in name order, with name and type, positions from 0", async () => {
    const { t, cast, open } = setUp();
    const hill = makeOrganisation(t, cast.network.id, { name: "hill practice", type: "primary_care" });
    const age = makeOrganisation(t, cast.network.id, { name: "Age Well", type: "voluntary" });
    const valley = makeOrganisation(t, cast.network.id, { name: "Valley Hospital", type: "hospital" });
    makeOrganisation(t, cast.network.id, { name: "Closed Clinic", active: false });
    makeOrganisation(t, cast.otherNetwork.id, { name: "Another network's" });
    const round = makeRound(t, cast.network.id, { modules: ["connections", "maturity"] });
    const res = await open(round.id);
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("open");
    expect(roundOrganisations(t.db, round.id)).toEqual([
      { roundId: round.id, organisationId: age.id, position: 0, name: "Age Well", type: "voluntary" },
      { roundId: round.id, organisationId: hill.id, position: 1, name: "hill practice", type: "primary_care" },
      { roundId: round.id, organisationId: valley.id, position: 2, name: "Valley Hospital", type: "hospital" },
    ]);
  });

  it("lists them in the preview of the draft in the very order the opened round asks them", async () => {
    const { t, cast, open } = setUp();
    // Byte order would put "Practice 10" before "Practice 2" and "Zorg" before "practice 2".
    for (const name of ["Practice 10", "Zorg Noord", "practice 2", "Age Well"]) makeOrganisation(t, cast.network.id, { name });
    const round = makeRound(t, cast.network.id, { modules: ["connections"] });
    const previewed = previewModules(t.db, round).organisations.map((o) => [o.organisationId, o.position, o.name]);
    expect(previewed.map(([, , name]) => name)).toEqual(["Age Well", "practice 2", "Practice 10", "Zorg Noord"]);
    expect((await open(round.id)).status).toBe(200);
    expect(roundOrganisations(t.db, round.id).map((o) => [o.organisationId, o.position, o.name])).toEqual(previewed);
  });

  it("keeps the copy when the network's list changes later", async () => {
    const { t, cast, cookie, open } = setUp();
    const [first] = makeOrganisations(t, cast.network.id, 3);
    const round = makeRound(t, cast.network.id, { modules: ["connections"] });
    await open(round.id);
    await call(t, "PATCH", `/api/v1/organisations/${first?.id}`, { name: "Renamed", type: "community" }, { cookie });
    const deleted = await call(t, "DELETE", `/api/v1/organisations/${first?.id}`, undefined, { cookie });
    expect(deleted.json.result).toBe("deactivated");
    expect(roundOrganisations(t.db, round.id)[0]).toMatchObject({ organisationId: first?.id, name: "Org 001", type: "hospital" });
  });

  it("refuses with 409 below 3 active organisations and leaves the round a draft; opens at 3", async () => {
    const { t, cast, open } = setUp();
    makeOrganisations(t, cast.network.id, 2);
    makeOrganisation(t, cast.network.id, { active: false });
    const round = makeRound(t, cast.network.id, { modules: ["connections"] });
    const refused = await open(round.id);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("conflict");
    expect(refused.json.error.message).toContain("needs at least 3 active organisations; the network has 2 active organisations");
    expect(t.db.select().from(rounds).where(eq(rounds.id, round.id)).get()?.status).toBe("draft");
    expect(t.db.select().from(snapshots).all()).toEqual([]);
    makeOrganisation(t, cast.network.id);
    expect((await open(round.id)).status).toBe(200);
    expect(roundOrganisations(t.db, round.id)).toHaveLength(3);
  });

  it(`opens with ${MAX_ROUND_ORGANISATIONS} active organisations and refuses with ${MAX_ROUND_ORGANISATIONS + 1}`, async () => {
    const { t, cast, open } = setUp();
    makeOrganisations(t, cast.network.id, MAX_ROUND_ORGANISATIONS);
    const atMost = makeRound(t, cast.network.id, { modules: ["connections"] });
    expect((await open(atMost.id)).status).toBe(200);
    const copied = roundOrganisations(t.db, atMost.id);
    expect(copied.map((o) => o.position)).toEqual(Array.from({ length: MAX_ROUND_ORGANISATIONS }, (_, i) => i));
    expect(copied.at(-1)?.name).toBe("Org 100");

    makeOrganisation(t, cast.network.id, { name: "Org 101" });
    const tooMany = makeRound(t, cast.network.id, { modules: ["connections"] });
    const refused = await open(tooMany.id);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain(
      `at most ${MAX_ROUND_ORGANISATIONS} organisations; the network has 101 active organisations`,
    );
    expect(roundOrganisations(t.db, tooMany.id)).toEqual([]);
    expect(t.db.select().from(rounds).where(eq(rounds.id, tooMany.id)).get()?.status).toBe("draft");
  });

  it("copies nothing for a round without the module, whatever the organisations", async () => {
    const { t, cast, open } = setUp();
    makeOrganisations(t, cast.network.id, 4);
    const maturityOnly = makeRound(t, cast.network.id, { modules: ["maturity"] });
    expect((await open(maturityOnly.id)).status).toBe(200);
    const plain = makeRound(t, cast.network.id);
    expect((await open(plain.id)).status).toBe(200);
    expect(t.db.select().from(snapshots).all()).toEqual([]);
  });

  it("opens a maturity-only round with no organisations at all", async () => {
    const { t, cast, open } = setUp();
    const round = makeRound(t, cast.network.id, { modules: ["maturity"] });
    expect((await open(round.id)).status).toBe(200);
  });
});
