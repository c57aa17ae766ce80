import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, rounds } from "../../src/db/schema";
import { callAs, setup } from "./support";

// The manual clock starts at 2026-03-02T09:00:00Z.
describe("POST /api/v1/networks/:id/rounds", () => {
  it("creates a draft round with the defaults and answers 201 with the whole round", async () => {
    const { t, cast, asFacilitator } = setup();
    const res = await asFacilitator("POST", `/api/v1/networks/${cast.network.id}/rounds`, { title: "Spring check" });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      networkId: cast.network.id,
      title: "Spring check",
      instrument: { id: "core", version: 1 },
      status: "draft",
      access: "invite",
      language: "en",
      minResponses: 5,
      closesAt: null,
      openedAt: null,
      closedAt: null,
      createdAt: "2026-03-02T09:00:00.000Z",
      openUrl: null,
      modules: [],
      counts: { invited: 0, started: 0, submitted: 0 },
    });
    const audit = t.db.select().from(auditLog).where(eq(auditLog.targetId, res.json.id)).all();
    expect(audit.map((a) => a.action)).toEqual(["round.create"]);
  });

  it("takes every option and stores closesAt in UTC", async () => {
    const { cast, asFacilitator } = setup();
    const res = await asFacilitator("POST", `/api/v1/networks/${cast.network.id}/rounds`, {
      title: "  Voorjaarsmeting  ",
      instrument: "core",
      closesAt: "2026-03-20T17:00:00+01:00",
      minResponses: 3,
      access: "open",
      language: "nl",
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      title: "Voorjaarsmeting",
      closesAt: "2026-03-20T16:00:00.000Z",
      minResponses: 3,
      access: "open",
      language: "nl",
      // Made at creation, so that the QR-code poster can be printed before the round opens.
      openUrl: expect.stringMatching(/^http:\/\/localhost\/o\/[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/),
    });
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ["a missing title", {}, "title"],
    ["a blank title", { title: "   " }, "title"],
    ["closesAt without an offset", { title: "R", closesAt: "2026-03-20T17:00:00" }, "closesAt"],
    ["closesAt that is not a date", { title: "R", closesAt: "next friday" }, "closesAt"],
    ["closesAt in the past", { title: "R", closesAt: "2026-03-01T09:00:00Z" }, "closesAt"],
    ["closesAt right now", { title: "R", closesAt: "2026-03-02T09:00:00Z" }, "closesAt"],
    ["minResponses below 3", { title: "R", minResponses: 2 }, "minResponses"],
    ["minResponses as a string", { title: "R", minResponses: "5" }, "minResponses"],
    ["minResponses not whole", { title: "R", minResponses: 4.5 }, "minResponses"],
    ["an unknown access mode", { title: "R", access: "public" }, "access"],
    ["an unknown language", { title: "R", language: "fr" }, "language"],
    ["an unknown instrument", { title: "R", instrument: "other" }, "instrument"],
    ["an unknown field", { title: "R", colour: "blue" }, "colour"],
  ];
  it.each(bad)("refuses %s with 400 naming the field and stores nothing", async (_, body, field) => {
    const { t, cast, asFacilitator } = setup();
    const res = await asFacilitator("POST", `/api/v1/networks/${cast.network.id}/rounds`, body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_input");
    expect(res.json.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(t.db.select().from(rounds).all()).toHaveLength(0);
  });

  it("lists a network's rounds newest first, and only that network's", async () => {
    const { t, cast, asFacilitator } = setup();
    const first = await asFacilitator("POST", `/api/v1/networks/${cast.network.id}/rounds`, { title: "First" });
    t.clock.advance(60_000);
    const second = await asFacilitator("POST", `/api/v1/networks/${cast.network.id}/rounds`, { title: "Second" });
    const elsewhere = await callAs(t, cast, "otherFacilitator", "POST", `/api/v1/networks/${cast.otherNetwork.id}/rounds`, {
      title: "Other",
    });
    expect(elsewhere.status).toBe(201);
    const res = await asFacilitator("GET", `/api/v1/networks/${cast.network.id}/rounds`);
    expect(res.status).toBe(200);
    expect(res.json.rounds.map((r: { id: string }) => r.id)).toEqual([second.json.id, first.json.id]);
  });
});
