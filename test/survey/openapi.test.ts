import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { call } from "../support/http";

describe("survey routes in OpenAPI", () => {
  it("describes the three survey routes with their bodies", async () => {
    const t = createTestApp();
    const res = await call(t, "GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const paths = res.json.paths;
    expect(Object.keys(paths["/s/{token}"])).toEqual(["get"]);
    expect(Object.keys(paths["/s/{token}/draft"])).toEqual(["put"]);
    expect(Object.keys(paths["/s/{token}/response"])).toEqual(["post"]);
    expect(paths["/s/{token}/response"].post.responses).toHaveProperty("410");
    const schemas = res.json.components.schemas;
    expect(schemas.SurveyResponse.required).toEqual(["answers"]);
    expect(schemas.SurveyResponse.additionalProperties).toBe(false);
    expect(Object.keys(schemas.Survey.properties)).toEqual(["language", "round", "instrument", "connections", "maturity", "draft"]);
    // The modules' answers, in the general shape every round shares (each round checks its own organisations).
    expect(Object.keys(schemas.SurveyResponse.properties)).toEqual(expect.arrayContaining(["maturity", "connections"]));
  });
});
