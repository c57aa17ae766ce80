import { describe, expect, it } from "vitest";
import { AppError, errorBody } from "../../src/lib/errors";
import { createTestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { call } from "../support/http";
import { openSurvey, survey } from "../survey/helpers";

const UNKNOWN_KEYS = 190_000;
// Short distinct keys ("k0", "k1", … "k42xo"), so that the body stays under the 2 MB limit.
const unknownKeys = () => Object.fromEntries(Array.from({ length: UNKNOWN_KEYS }, (_, i) => [`k${i.toString(36)}`, 1]));

describe("an answer to input with very many problems", () => {
  it("lists the first 20 problems of a draft with 190,000 unknown keys and says how many more there were", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const body = JSON.stringify(unknownKeys());
    expect(body.length).toBeLessThan(2 * 1024 * 1024);
    const res = await call(t, "PUT", `${survey(token)}/draft`, body, { headers: { "Content-Type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(4_000);
    const { error } = res.json;
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("k0: is not a known field");
    expect(error.details).toHaveLength(21);
    expect(error.details.slice(0, 20)).toEqual(
      Array.from({ length: 20 }, (_, i) => ({ field: `k${i.toString(36)}`, message: "is not a known field" })),
    );
    expect(error.details[20]).toEqual({ field: "…", message: "and 189,980 more problems" });
    expect(error.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("does the same on a staff route", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const res = await call(t, "POST", "/api/v1/networks", { name: "N", ...unknownKeys() }, { cookie: facilitator.cookie });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toHaveLength(21);
    expect(res.json.error.details[20].message).toBe("and 189,980 more problems");
  });

  it("keeps 20 problems or fewer as they are", () => {
    const details = Array.from({ length: 20 }, (_, i) => ({ field: `f${i}`, message: "is required" }));
    expect(errorBody(new AppError("invalid_input", "f0: is required", { details }), "id").error.details).toEqual(details);
    const one = [...details, { field: "f20", message: "is required" }];
    expect(errorBody(new AppError("invalid_input", "x", { details: one }), "id").error.details?.at(-1)).toEqual({
      field: "…",
      message: "and 1 more problem",
    });
  });
});
