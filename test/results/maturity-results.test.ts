// The maturity matrix frozen at close and given by GET /api/v1/rounds/:id/results; every figure
// worked out by hand in the comments (the rules are in test/fixtures/maturity-reference.json).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { roundResults } from "../../src/db/schema";
import { frozenSummary } from "../../src/results/frozen";
import { republishOldResults } from "../../src/results/republish";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, sessionFor } from "../support/factories";
import { call } from "../support/http";
import { closedMaturityRound } from "../support/maturity";
import { makeClosedRound, uniformResponse } from "../support/responses";

const DAY = 86_400_000;
const hidden = (n: number) => ({ n, shown: false, distribution: null, median: null, mean: null, upperShare: null });

/**
 * Six members, threshold 5. Governance now: 2, 2, 2, 3, 4 and one don't know; in a year: 3, 3, 3, 3, 4, 4.
 * Purpose now: four members say 3, two skip (4 < 5: hidden); in a year: all six say 4.
 */
function firstRound(t: TestApp, networkId: string) {
  const governanceNow = [2, 2, 2, 3, 4, "dont_know"] as const;
  const governanceTarget = [3, 3, 3, 3, 4, 4] as const;
  return closedMaturityRound(
    t,
    networkId,
    governanceNow.map((current, i) => ({
      governance: { current, target: governanceTarget[i] },
      purpose: { current: i < 4 ? 3 : null, target: 4 },
    })),
    { round: { title: "Spring", minResponses: 5 } },
  );
}

async function maturityOf(t: TestApp, cookie: string, roundId: string, lang = "en") {
  const res = await call(t, "GET", `/api/v1/rounds/${roundId}/results?lang=${lang}`, undefined, { cookie });
  expect(res.status).toBe(200);
  return res.json.maturity;
}

describe("the maturity matrix in a round's results", () => {
  it("is frozen at close and shown per dimension, with hidden sides carrying no figures", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = firstRound(t, cast.network.id);
    const maturity = await maturityOf(t, cast.facilitator.cookie, round.id);
    expect(maturity.version).toBe(1);
    expect(maturity.previousRound).toBeNull();
    expect(maturity.levels.map((l: { title: string }) => l.title)).toEqual(["Emerging", "Developing", "Maturing", "Thriving"]);
    expect(maturity.dimensions).toHaveLength(8);
    const byCode = Object.fromEntries(maturity.dimensions.map((d: { code: string }) => [d.code, d]));
    // Governance now: n 5, [0,3,1,1], lower median of 2,2,2,3,4 = 2, mean 13/5 = 2.6, 2/5 = 40 % at 3–4;
    // divided: 3 of 5 at 1–2 and 2 of 5 at 3–4, both at least 25 %. In a year: n 6, [0,0,4,2],
    // lower median of 3,3,3,3,4,4 = 3 (3rd), mean 20/6 = 3.33, 100 %. Gap 3 − 2 = 1.
    expect(byCode.governance).toEqual({
      code: "governance",
      title: "Governance and decision-making",
      current: { n: 5, shown: true, distribution: [0, 3, 1, 1], median: 2, mean: 2.6, upperShare: 40 },
      target: { n: 6, shown: true, distribution: [0, 0, 4, 2], median: 3, mean: 3.33, upperShare: 100 },
      gap: 1,
      divided: true,
      change: null,
    });
    // Purpose now: 4 valid answers, under the threshold of 5: no distribution, median or mean.
    expect(byCode.purpose).toMatchObject({
      current: hidden(4),
      target: { n: 6, shown: true, distribution: [0, 0, 0, 6], median: 4, mean: 4, upperShare: 100 },
      gap: null,
      divided: null,
    });
    expect(byCode.learning).toMatchObject({ current: hidden(0), target: hidden(0), gap: null, divided: null });
    // The comparison's summary keeps where members put the network now.
    expect(frozenSummary(t.db, round.id)?.maturity).toMatchObject({ governance: 2, purpose: null, learning: null });
    const nl = await maturityOf(t, cast.facilitator.cookie, round.id, "nl");
    expect(nl.levels[2].title).toBe("Volwassen wordend");
    expect(nl.dimensions[3].title).toBe("Besluitvorming en afspraken");
  });

  it("changes against the network's previous closed round with the matrix, per side shown in both", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const first = firstRound(t, cast.network.id);
    t.clock.advance(30 * DAY);
    // A round without the matrix in between is not what the matrix is compared with.
    makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(4)),
    );
    t.clock.advance(30 * DAY);
    const second = closedMaturityRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => ({ governance: { current: 3, target: 4 }, purpose: { current: 3, target: 4 } })),
      { round: { minResponses: 5 } },
    );
    const maturity = await maturityOf(t, sessionFor(t, cast.facilitator.user.id), second.id);
    expect(maturity.previousRound).toMatchObject({ id: first.id, title: "Spring" });
    const byCode = Object.fromEntries(maturity.dimensions.map((d: { code: string }) => [d.code, d]));
    // Governance now: median 2 → 3 (+1), at 3–4 40 % → 100 % (+60.0 points); in a year: median 3 → 4,
    // 100 % → 100 % (0.0).
    expect(byCode.governance.change).toEqual({ current: { median: 1, upperShare: 60 }, target: { median: 1, upperShare: 0 } });
    // Purpose now was hidden before: no change for that side; in a year: 4 → 4, 100 % → 100 %.
    expect(byCode.purpose.change).toEqual({ current: null, target: { median: 0, upperShare: 0 } });
    expect(byCode.learning.change).toEqual({ current: null, target: null });
  });

  it("is null for a round without the matrix and for one below its threshold", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const plain = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(4)),
    );
    expect(await maturityOf(t, cast.facilitator.cookie, plain.id)).toBeNull();
    expect(frozenSummary(t.db, plain.id)?.maturity).toBeNull();
    const few = closedMaturityRound(
      t,
      cast.network.id,
      Array.from({ length: 4 }, () => ({ governance: { current: 2, target: 3 } })),
      { round: { minResponses: 5 } },
    );
    const res = await call(t, "GET", `/api/v1/rounds/${few.id}/results`, undefined, { cookie: cast.facilitator.cookie });
    expect(res.json).toMatchObject({ suppressed: true, maturity: null });
  });

  it("is worked out at start-up for a round closed before its marks were kept", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = firstRound(t, cast.network.id);
    // As an older version froze it: format 2, nothing of the matrix.
    const row = t.db.select().from(roundResults).where(eq(roundResults.roundId, round.id)).get();
    if (!row) throw new Error("no frozen results");
    const { maturity: _scores, ...scores } = row.scores;
    const { maturity: _published, ...published } = row.published as Record<string, unknown>;
    t.db.update(roundResults).set({ format: 2, scores, published }).where(eq(roundResults.roundId, round.id)).run();
    expect(await maturityOf(t, cast.facilitator.cookie, round.id)).toBeNull();
    expect(republishOldResults(t.deps)).toBe(1);
    const maturity = await maturityOf(t, cast.facilitator.cookie, round.id);
    expect(maturity.dimensions[3]).toMatchObject({ code: "governance", gap: 1, divided: true });
  });

  it("is described in the OpenAPI document", async () => {
    const t = createTestApp();
    const res = await call(t, "GET", "/api/v1/openapi.json");
    const schemas = res.json.components.schemas;
    expect(schemas.RoundResults.properties.maturity).toBeDefined();
    expect(schemas.MaturityResults).toBeDefined();
    expect(schemas.MaturitySide.properties.distribution).toBeDefined();
  });
});
