import { describe, expect, it } from "vitest";
import { frozenSummary } from "../../src/results/frozen";
import { closeRound } from "../../src/rounds/lifecycle";
import { createTestApp } from "../support/app";
import { makeCast, makeRound, sessionFor } from "../support/factories";
import { call } from "../support/http";
import { insertResponses, makeClosedRound, uniformResponse } from "../support/responses";

const DAY = 86_400_000;

describe("GET /api/v1/rounds/:id/results", () => {
  it("gives a closed round's scores, hand-computed", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    // Five respondents answering everything 4 (score 75) and one answering everything 2 (score 25):
    // every theme score and the temperature = (5 × 75 + 25) / 6 = 66.666… → 66.7.
    const list = [...Array.from({ length: 5 }, () => uniformResponse(4, { overall: 7 })), uniformResponse(2, { overall: 4 })];
    const round = makeClosedRound(t, cast.network.id, list);
    const res = await call(t, "GET", `/api/v1/rounds/${round.id}/results`, undefined, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ n: 6, suppressed: false, minResponses: 5, network: { id: cast.network.id, name: cast.network.name } });
    expect(res.json.overall).toMatchObject({ score: 66.7, n: 6, rating: 6.5 });
    expect(res.json.themes.map((th: { code: string; score: number }) => [th.code, th.score])).toEqual([
      ["purpose", 66.7],
      ["relationships", 66.7],
      ["communication", 66.7],
      ["governance", 66.7],
      ["value", 66.7],
    ]);
    // Item: five 4s and one 2 → mean 3.67, favourable 5/6 = 83.3 %, unfavourable 16.7 %.
    const item = res.json.themes[0].items[0];
    expect(item).toMatchObject({
      code: "purpose.1",
      shown: true,
      n: 6,
      distribution: [0, 1, 0, 5, 0],
      mean: 3.67,
      favourable: 83.3,
      neutral: 0,
      unfavourable: 16.7,
    });
    expect(typeof item.text).toBe("string");
  });

  it("refuses results while the round is open (409)", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeRound(t, cast.network.id, { status: "open" });
    const res = await call(t, "GET", `/api/v1/rounds/${round.id}/results`, undefined, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "not_ready", message: "Results are available when the round closes" });
  });

  it("suppresses a round under the threshold: nothing derived from answers", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeClosedRound(t, cast.network.id, [uniformResponse(5), uniformResponse(1), uniformResponse(3), uniformResponse(4)], {
      minResponses: 5,
    });
    const res = await call(t, "GET", `/api/v1/rounds/${round.id}/results`, undefined, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ n: 4, minResponses: 5, suppressed: true });
    expect(res.json.overall).toBeUndefined();
    expect(res.json.themes).toBeUndefined();
    expect(res.json.breakdowns).toBeUndefined();
  });

  it("compares with the latest earlier unsuppressed round, skipping a suppressed one", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const first = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
    );
    t.clock.advance(100 * DAY);
    makeClosedRound(t, cast.network.id, [uniformResponse(1), uniformResponse(1)]);
    t.clock.advance(100 * DAY);
    const third = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(4)),
    );
    // 200 days on, the facilitator signs in afresh.
    const res = await call(t, "GET", `/api/v1/rounds/${third.id}/results`, undefined, { cookie: sessionFor(t, cast.facilitator.user.id) });
    // 75 − 50 = 25 points; both sides have no spread, so no test statistic: p null, not notable.
    expect(res.json.previousRound.id).toBe(first.id);
    expect(res.json.overall.change).toEqual({ previousRoundId: first.id, delta: 25, p: null, notable: false });
  });

  it("is frozen at closing: removing members later does not change the response rate", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
    );
    const res = await call(t, "GET", `/api/v1/rounds/${round.id}/results`, undefined, { cookie: cast.facilitator.cookie });
    expect(res.json).toMatchObject({ invited: 0, responseRate: null });
  });

  it("lets granted commissioners read results, and hides the round from everyone else", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
    );
    const path = `/api/v1/rounds/${round.id}/results`;
    expect((await call(t, "GET", path, undefined, { cookie: cast.commissioner.cookie })).status).toBe(200);
    expect((await call(t, "GET", path, undefined, { cookie: cast.admin.cookie })).status).toBe(200);
    for (const who of [cast.otherFacilitator, cast.otherCommissioner]) {
      const res = await call(t, "GET", path, undefined, { cookie: who.cookie });
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(cast.network.name);
    }
    expect((await call(t, "GET", path, undefined, { cookie: cast.deactivated.cookie })).status).toBe(401);
    expect((await call(t, "GET", path)).status).toBe(401);
  });

  it("labels in Dutch on request", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(3)),
    );
    const en = await call(t, "GET", `/api/v1/rounds/${round.id}/results?lang=en`, undefined, { cookie: cast.facilitator.cookie });
    const nl = await call(t, "GET", `/api/v1/rounds/${round.id}/results?lang=nl`, undefined, { cookie: cast.facilitator.cookie });
    expect(nl.json.themes[0].title).not.toBe(en.json.themes[0].title);
    expect(nl.json.themes[0].score).toBe(en.json.themes[0].score);
    const bad = await call(t, "GET", `/api/v1/rounds/${round.id}/results?lang=fr`, undefined, { cookie: cast.facilitator.cookie });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].field).toBe("lang");
  });
});

describe("a round that closes late", () => {
  it("becomes the previous round of rounds that closed after its closing time, in summaries too", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const later = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(4)),
    );
    // An overdue round is closed afterwards at its (earlier) closing time.
    const overdue = makeRound(t, cast.network.id, { status: "open", closesAt: new Date(t.clock.now().getTime() - 86_400_000) });
    insertResponses(
      t,
      overdue.id,
      Array.from({ length: 5 }, () => uniformResponse(2)),
    );
    closeRound(t, overdue, overdue.closesAt ?? t.clock.now());
    const results = await call(t, "GET", `/api/v1/rounds/${later.id}/results`, undefined, { cookie: cast.facilitator.cookie });
    expect(results.json.overall.change).toMatchObject({ previousRoundId: overdue.id, delta: 50 });
    expect(frozenSummary(t.db, later.id)?.overallChange).toEqual(results.json.overall.change);
  });
});
