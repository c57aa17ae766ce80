import { describe, expect, it } from "vitest";
import { makeInvitation, makeMember, makeResponse, makeRound } from "../support/factories";
import { setup } from "./support";

describe("GET /api/v1/rounds/:id/progress", () => {
  it("counts invited, started and submitted, the response rate and submissions per day", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now() });
    // 7 links: 3 untouched, 1 started, 3 submitted.
    const statuses = ["invited", "invited", "invited", "started", "submitted", "submitted", "submitted"] as const;
    for (const status of statuses) makeInvitation(t, round.id, { memberId: makeMember(t, cast.network.id).id, status });
    makeResponse(t, round.id, { day: "2026-03-04" });
    makeResponse(t, round.id, { day: "2026-03-02" });
    makeResponse(t, round.id, { day: "2026-03-04" });
    // Another round's links and responses never count here.
    const other = makeRound(t, cast.network.id);
    makeInvitation(t, other.id, { status: "submitted" });
    makeResponse(t, other.id, { day: "2026-03-03" });

    const res = await asFacilitator("GET", `/api/v1/rounds/${round.id}/progress`);
    expect(res.status).toBe(200);
    // 3 / 7 = 42.857…% → 42.9
    expect(res.json).toEqual({
      invited: 7,
      started: 4,
      submitted: 3,
      responseRate: 42.9,
      byDay: [
        { day: "2026-03-02", submitted: 1 },
        { day: "2026-03-04", submitted: 2 },
      ],
    });
    const view = await asFacilitator("GET", `/api/v1/rounds/${round.id}`);
    expect(view.json.counts).toEqual({ invited: 7, started: 4, submitted: 3 });
  });

  it("gives no response rate before anyone is invited", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id);
    const res = await asFacilitator("GET", `/api/v1/rounds/${round.id}/progress`);
    expect(res.json).toEqual({ invited: 0, started: 0, submitted: 0, responseRate: null, byDay: [] });
  });

  it("gives no response rate for an open link, but counts its responses", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id, { access: "open", status: "open", openedAt: t.clock.now() });
    makeInvitation(t, round.id);
    makeInvitation(t, round.id, { status: "submitted" });
    makeResponse(t, round.id, { day: "2026-03-02" });
    const res = await asFacilitator("GET", `/api/v1/rounds/${round.id}/progress`);
    expect(res.json).toEqual({ invited: 2, started: 1, submitted: 1, responseRate: null, byDay: [{ day: "2026-03-02", submitted: 1 }] });
  });
});
