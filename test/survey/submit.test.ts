import { describe, expect, it } from "vitest";
import { answers, comments, dailySubmissions, invitations, responses } from "../../src/db/schema";
import { AppError } from "../../src/lib/errors";
import { submitResponse } from "../../src/survey/submit";
import { createTestApp } from "../support/app";
import { call } from "../support/http";
import { fullResponse, openSurvey, survey, surveyTables, writePending } from "./helpers";

describe("POST /api/v1/s/:token/response", () => {
  it("stores the response, its answers and its comments, and says nothing identifying", async () => {
    const t = createTestApp({ now: "2026-03-04T22:47:13Z" });
    const { round, invitation, token } = openSurvey(t);
    const res = await call(t, "POST", `${survey(token)}/response`, fullResponse());
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ status: "submitted" });
    expect(res.headers.get("set-cookie")).toBeNull();
    // Sealed in the pool for now, counted on its day; written out with others later.
    expect(t.db.$client.prepare("select count(*) from pending_responses").pluck().get()).toBe(1);
    expect(t.db.select().from(responses).all()).toEqual([]);
    expect(t.db.select().from(dailySubmissions).all()).toEqual([{ roundId: round.id, day: "2026-03-04", submitted: 1 }]);

    writePending(t);
    const [stored, ...others] = t.db.select().from(responses).all();
    expect(others).toEqual([]);
    expect(stored).toEqual({
      id: expect.any(String),
      roundId: round.id,
      overall: 7,
      trend: "better",
      involvement: "active",
      organisationType: "hospital",
      professionalGroup: "nursing",
      // purpose.1 4 (purpose.2 "don't know") → 75; relationships.1 2 → 25; value.3 5 → 100; the rest unanswered.
      purposeScore: 75,
      relationshipsScore: 25,
      communicationScore: null,
      governanceScore: null,
      valueScore: 100,
    });
    const rows = t.db.select().from(answers).all();
    expect(rows.map(({ itemCode, value }) => [itemCode, value]).sort()).toEqual([
      ["purpose.1", 4],
      ["purpose.2", 0],
      ["relationships.1", 2],
      ["value.3", 5],
    ]);
    expect(rows.every((row) => row.responseId === stored?.id && row.roundId === round.id)).toBe(true);
    // Trimmed; the blank governance comment is not kept.
    expect(t.db.select().from(comments).all()).toEqual([
      { id: expect.any(String), roundId: round.id, theme: "purpose", text: "We need clearer priorities.", status: "pending" },
    ]);
    const { token: _, ...row } = invitation;
    expect(t.db.select().from(invitations).all()).toEqual([{ ...row, status: "submitted" }]);
  });

  it("stores a response with only optional fields left out", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    expect((await call(t, "POST", `${survey(token)}/response`, { answers: { "communication.4": "dont_know" } })).status).toBe(201);
    writePending(t);
    expect(t.db.select().from(responses).get()).toMatchObject({ overall: null, trend: null, organisationType: null });
    expect(t.db.select().from(comments).all()).toEqual([]);
  });

  it("accepts one response per link: the second POST is 409 and the first stays as it was", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    expect((await call(t, "POST", `${survey(token)}/response`, fullResponse())).status).toBe(201);
    const before = surveyTables(t);
    const rows = { responses: t.db.select().from(responses).all(), answers: t.db.select().from(answers).all() };

    const again = await call(t, "POST", `${survey(token)}/response`, { answers: { "purpose.1": 1 }, overall: 0 });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("already_submitted");
    expect(surveyTables(t)).toEqual(before);
    expect({ responses: t.db.select().from(responses).all(), answers: t.db.select().from(answers).all() }).toEqual(rows);
  });

  it("never stores twice even when two submissions race (double click)", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const results = await Promise.all([1, 2, 3].map(() => call(t, "POST", `${survey(token)}/response`, fullResponse())));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(surveyTables(t).responses).toBe(1);
  });

  it("refuses a second call of the verb itself with already_submitted", () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    submitResponse(t.deps, token, { answers: { "purpose.1": 3 } });
    const error = (() => {
      try {
        submitResponse(t.deps, token, { answers: { "purpose.1": 3 } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("already_submitted");
    expect(surveyTables(t).responses).toBe(1);
  });

  it("checks input given to the verb directly against the instrument", () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    // A caller that skipped validation still cannot store an unknown item.
    const bad = { answers: { "purpose.99": 3 as const } };
    expect(() => submitResponse(t.deps, token, bad)).toThrow(/answers\.purpose\.99/);
    expect(surveyTables(t).responses).toBe(0);
  });
});
