import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, rounds } from "../../src/db/schema";
import { makeRound } from "../support/factories";
import { setup } from "./support";

// The manual clock starts at 2026-03-02T09:00:00Z.
describe("PATCH /api/v1/rounds/:id", () => {
  it("renames a draft and moves its closing date freely, even earlier", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id, { closesAt: new Date("2026-04-01T00:00:00Z") });
    const res = await asFacilitator("PATCH", `/api/v1/rounds/${round.id}`, { title: "Renamed", closesAt: "2026-03-10T12:00:00+01:00" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: round.id, title: "Renamed", closesAt: "2026-03-10T11:00:00.000Z", status: "draft" });
    const cleared = await asFacilitator("PATCH", `/api/v1/rounds/${round.id}`, { closesAt: null });
    expect(cleared.json.closesAt).toBeNull();
    const audit = t.db.select().from(auditLog).where(eq(auditLog.targetId, round.id)).all();
    expect(audit.map((a) => a.action)).toEqual(["round.update", "round.update"]);
  });

  it("only extends an open round's closing date", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now(), closesAt: new Date("2026-03-20T00:00:00Z") });
    const earlier = await asFacilitator("PATCH", `/api/v1/rounds/${round.id}`, { closesAt: "2026-03-19T00:00:00Z" });
    expect(earlier.status).toBe(400);
    expect(earlier.json.error.details[0].field).toBe("closesAt");
    const later = await asFacilitator("PATCH", `/api/v1/rounds/${round.id}`, { closesAt: "2026-03-27T00:00:00Z" });
    expect(later.status).toBe(200);
    expect(later.json.closesAt).toBe("2026-03-27T00:00:00.000Z");
  });

  it.each([
    ["a past date", { closesAt: "2026-03-01T00:00:00Z" }, "closesAt"],
    ["a date without offset", { closesAt: "2026-04-01T00:00:00" }, "closesAt"],
    ["a blank title", { title: "" }, "title"],
    ["a field that cannot be changed", { access: "open" }, "access"],
  ])("refuses %s with 400 naming the field and changes nothing", async (_, body, field) => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id, { title: "Kept" });
    const res = await asFacilitator("PATCH", `/api/v1/rounds/${round.id}`, body);
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(t.db.select().from(rounds).where(eq(rounds.id, round.id)).get()).toEqual(round);
  });

  it("refuses to change a closed round with 409", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id, { status: "closed", closedAt: t.clock.now() });
    const res = await asFacilitator("PATCH", `/api/v1/rounds/${round.id}`, { title: "Too late" });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("conflict");
  });
});

describe("POST /api/v1/rounds/:id/open and /close", () => {
  it("opens a draft and closes it, answering 200 with the round each time", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id);
    const opened = await asFacilitator("POST", `/api/v1/rounds/${round.id}/open`);
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({
      id: round.id,
      status: "open",
      openedAt: "2026-03-02T09:00:00.000Z",
      closedAt: null,
      openUrl: null,
    });
    t.clock.advance(3_600_000);
    const closed = await asFacilitator("POST", `/api/v1/rounds/${round.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ status: "closed", closedAt: "2026-03-02T10:00:00.000Z" });
    const audit = t.db.select().from(auditLog).where(eq(auditLog.targetId, round.id)).all();
    expect(audit.map((a) => a.action)).toEqual(["round.open", "round.close"]);
  });

  it("gives an open-access round a short open-link code when it opens", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id, { access: "open" });
    const res = await asFacilitator("POST", `/api/v1/rounds/${round.id}/open`);
    const code = t.db.select().from(rounds).where(eq(rounds.id, round.id)).get()?.openCode ?? "";
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    expect(res.json.openUrl).toBe(`http://localhost/o/${code}`);
  });

  it("answers 409 for opening an open or closed round and closing a draft or closed one", async () => {
    const { t, cast, asFacilitator } = setup();
    const draft = makeRound(t, cast.network.id);
    const open = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now() });
    const closed = makeRound(t, cast.network.id, { status: "closed", closedAt: t.clock.now() });
    for (const [id, action] of [
      [open.id, "open"],
      [closed.id, "open"],
      [draft.id, "close"],
      [closed.id, "close"],
    ]) {
      const res = await asFacilitator("POST", `/api/v1/rounds/${id}/${action}`);
      expect(res.status, `${action} ${id}`).toBe(409);
      expect(res.json.error.message).toMatch(/round/);
    }
  });

  it("refuses to open a draft whose closing date has passed", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id, { closesAt: new Date("2026-03-01T00:00:00Z") });
    const res = await asFacilitator("POST", `/api/v1/rounds/${round.id}/open`);
    expect(res.status).toBe(409);
    expect(t.db.select().from(rounds).where(eq(rounds.id, round.id)).get()?.status).toBe("draft");
  });

  it("answers 404 for a round that does not exist", async () => {
    const { asFacilitator } = setup();
    for (const [method, path] of [
      ["GET", "/api/v1/rounds/nope"],
      ["PATCH", "/api/v1/rounds/nope"],
      ["POST", "/api/v1/rounds/nope/open"],
      ["GET", "/api/v1/rounds/nope/progress"],
    ]) {
      const res = await asFacilitator(method as string, path as string, method === "PATCH" ? { title: "x" } : undefined);
      expect(res.status, path).toBe(404);
    }
  });
});
