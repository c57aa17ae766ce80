import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeCast, makeRound } from "../support/factories";
import { call } from "../support/http";
import { insertResponses, makeClosedRound, uniformResponse } from "../support/responses";

function roundWithComments(t: ReturnType<typeof createTestApp>, cast: ReturnType<typeof makeCast>) {
  const list = Array.from({ length: 5 }, (_, i) => uniformResponse(4, { comments: { purpose: `Purpose comment ${i}` } }));
  list[0] = uniformResponse(3, { comments: { purpose: "Purpose comment 0", value: "<b>Value</b> & more" } });
  return makeClosedRound(t, cast.network.id, list);
}

describe("comments review", () => {
  it("lists every comment as pending, verbatim, grouped by theme", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = roundWithComments(t, cast);
    const res = await call(t, "GET", `/api/v1/rounds/${round.id}/comments`, undefined, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.json.comments).toHaveLength(6);
    expect(res.json.comments.every((c: { status: string }) => c.status === "pending")).toBe(true);
    expect(res.json.comments.map((c: { theme: string }) => c.theme)).toEqual([
      "purpose",
      "purpose",
      "purpose",
      "purpose",
      "purpose",
      "value",
    ]);
    expect(res.json.comments.at(-1).text).toBe("<b>Value</b> & more");
  });

  it("releases all pending, then hides one and releases it again", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = roundWithComments(t, cast);
    const opts = { cookie: cast.facilitator.cookie };
    const released = await call(t, "POST", `/api/v1/rounds/${round.id}/comments/release`, undefined, opts);
    expect(released.status).toBe(200);
    expect(released.json.comments.every((c: { status: string }) => c.status === "released")).toBe(true);
    const target = released.json.comments[2].id;
    const hidden = await call(t, "POST", `/api/v1/comments/${target}/hide`, undefined, opts);
    expect(hidden.json).toMatchObject({ id: target, status: "hidden" });
    // Releasing all again only touches pending ones: the hidden comment stays hidden.
    await call(t, "POST", `/api/v1/rounds/${round.id}/comments/release`, undefined, opts);
    const after = await call(t, "GET", `/api/v1/rounds/${round.id}/comments`, undefined, opts);
    expect(after.json.comments.find((c: { id: string }) => c.id === target).status).toBe("hidden");
    const again = await call(t, "POST", `/api/v1/comments/${target}/release`, undefined, opts);
    expect(again.json.status).toBe("released");
  });

  it("withholds comments while the round is open and for a suppressed round", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const open = makeRound(t, cast.network.id, { status: "open" });
    insertResponses(t, open.id, [uniformResponse(3, { comments: { purpose: "early" } })]);
    const whileOpen = await call(t, "GET", `/api/v1/rounds/${open.id}/comments`, undefined, { cookie: cast.facilitator.cookie });
    expect(whileOpen.status).toBe(409);
    expect(whileOpen.text).not.toContain("early");
    const small = makeClosedRound(t, cast.network.id, [uniformResponse(3, { comments: { purpose: "only me" } })]);
    const suppressed = await call(t, "GET", `/api/v1/rounds/${small.id}/comments`, undefined, { cookie: cast.facilitator.cookie });
    expect(suppressed.status).toBe(409);
    expect(suppressed.text).not.toContain("only me");
  });

  it("never shows comments to commissioners, and hides the round from outsiders", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = roundWithComments(t, cast);
    const list = await call(t, "GET", `/api/v1/rounds/${round.id}/comments`, undefined, { cookie: cast.commissioner.cookie });
    expect(list.status).toBe(403);
    expect(list.text).not.toContain("Purpose comment");
    const { json } = await call(t, "GET", `/api/v1/rounds/${round.id}/comments`, undefined, { cookie: cast.facilitator.cookie });
    const id = json.comments[0].id;
    expect((await call(t, "POST", `/api/v1/comments/${id}/hide`, undefined, { cookie: cast.commissioner.cookie })).status).toBe(403);
    for (const who of [cast.otherFacilitator, cast.otherCommissioner]) {
      expect((await call(t, "GET", `/api/v1/rounds/${round.id}/comments`, undefined, { cookie: who.cookie })).status).toBe(404);
      const hide = await call(t, "POST", `/api/v1/comments/${id}/hide`, undefined, { cookie: who.cookie });
      expect(hide.status).toBe(404);
      expect(hide.json.error.message).toBe("Comment not found");
    }
    expect((await call(t, "POST", `/api/v1/comments/${id}/hide`)).status).toBe(401);
    expect((await call(t, "POST", "/api/v1/comments/nope/hide", undefined, { cookie: cast.admin.cookie })).status).toBe(404);
  });
});
