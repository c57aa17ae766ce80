import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeCast, makeRound } from "../support/factories";
import { call } from "../support/http";
import { makeClosedRound, uniformResponse } from "../support/responses";

describe("actions", () => {
  it("records an action for a closed round and updates its status", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
    );
    const opts = { cookie: cast.facilitator.cookie };
    const created = await call(
      t,
      "POST",
      `/api/v1/networks/${cast.network.id}/actions`,
      { roundId: round.id, title: "Monthly open forum", owner: "Priya", due: "2026-06-30" },
      opts,
    );
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      roundId: round.id,
      title: "Monthly open forum",
      owner: "Priya",
      due: "2026-06-30",
      status: "open",
      note: null,
    });
    const patched = await call(t, "PATCH", `/api/v1/actions/${created.json.id}`, { status: "in_progress", note: "Two forums held" }, opts);
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ status: "in_progress", note: "Two forums held" });
    const list = await call(t, "GET", `/api/v1/networks/${cast.network.id}/actions`, undefined, { cookie: cast.commissioner.cookie });
    expect(list.json.actions.map((a: { id: string }) => a.id)).toEqual([created.json.id]);
  });

  it("names the field for bad input and stores nothing", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
    );
    const post = (body: unknown) =>
      call(t, "POST", `/api/v1/networks/${cast.network.id}/actions`, body, { cookie: cast.facilitator.cookie });
    for (const [body, field] of [
      [{ roundId: round.id }, "title"],
      [{ roundId: round.id, title: "x", due: "next week" }, "due"],
      [{ roundId: round.id, title: "x", colour: "red" }, "colour"],
      [{ roundId: "not-a-round", title: "x" }, "roundId"],
    ] as const) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const bad = await call(
      t,
      "POST",
      `/api/v1/networks/${cast.network.id}/actions`,
      { roundId: round.id, title: "ok" },
      { cookie: cast.facilitator.cookie },
    );
    const status = await call(t, "PATCH", `/api/v1/actions/${bad.json.id}`, { status: "finished" }, { cookie: cast.facilitator.cookie });
    expect(status.status).toBe(400);
    expect(status.json.error.details[0].field).toBe("status");
    const list = await call(t, "GET", `/api/v1/networks/${cast.network.id}/actions`, undefined, { cookie: cast.facilitator.cookie });
    expect(list.json.actions).toHaveLength(1);
  });

  it("refuses actions for a round that has not closed, and for another network's round", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const open = makeRound(t, cast.network.id, { status: "open" });
    const res = await call(
      t,
      "POST",
      `/api/v1/networks/${cast.network.id}/actions`,
      { roundId: open.id, title: "Too early" },
      { cookie: cast.facilitator.cookie },
    );
    expect(res.status).toBe(409);
    const foreign = makeClosedRound(t, cast.otherNetwork.id, []);
    const cross = await call(
      t,
      "POST",
      `/api/v1/networks/${cast.network.id}/actions`,
      { roundId: foreign.id, title: "Sneaky" },
      { cookie: cast.facilitator.cookie },
    );
    expect(cross.status).toBe(400);
  });

  it("lets only the network's facilitators and admins change actions", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
    );
    const created = await call(
      t,
      "POST",
      `/api/v1/networks/${cast.network.id}/actions`,
      { roundId: round.id, title: "Shared dashboard" },
      { cookie: cast.admin.cookie },
    );
    const path = `/api/v1/actions/${created.json.id}`;
    expect((await call(t, "PATCH", path, { status: "done" }, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await call(t, "PATCH", path, { status: "done" }, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await call(t, "PATCH", path, { status: "done" }, { cookie: cast.deactivated.cookie })).status).toBe(401);
    expect(
      (
        await call(
          t,
          "POST",
          `/api/v1/networks/${cast.network.id}/actions`,
          { roundId: round.id, title: "x" },
          { cookie: cast.commissioner.cookie },
        )
      ).status,
    ).toBe(403);
    expect((await call(t, "PATCH", path, { status: "done" }, { cookie: cast.facilitator.cookie })).status).toBe(200);
  });
});
