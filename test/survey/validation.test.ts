import { describe, expect, it } from "vitest";
import { getInstrument } from "../../src/instrument";
import { responseSchema } from "../../src/survey/schemas";
import { createTestApp } from "../support/app";
import { call } from "../support/http";
import { openSurvey, survey, surveyTables } from "./helpers";

const ok = { answers: { "purpose.1": 4 } };

// [case, body, field named in the 400]
const CASES: [string, unknown, string][] = [
  ["unknown item code", { answers: { "purpose.1": 4, "purpose.9": 3 } }, "answers.purpose.9"],
  ["value 6", { answers: { "purpose.1": 6 } }, "answers.purpose.1"],
  ["value 0", { answers: { "purpose.1": 0 } }, "answers.purpose.1"],
  ["value -1", { answers: { "purpose.1": -1 } }, "answers.purpose.1"],
  ['value "3"', { answers: { "purpose.1": "3" } }, "answers.purpose.1"],
  ["value 3.5", { answers: { "purpose.1": 3.5 } }, "answers.purpose.1"],
  ["value null", { answers: { "purpose.1": null } }, "answers.purpose.1"],
  ['value "Dont_know"', { answers: { "purpose.1": "Dont_know" } }, "answers.purpose.1"],
  ["comment of 2,001 characters", { ...ok, comments: { purpose: "x".repeat(2001) } }, "comments.purpose"],
  ["comment not text", { ...ok, comments: { purpose: 5 } }, "comments.purpose"],
  ["unknown comment theme", { ...ok, comments: { leadership: "hi" } }, "comments.leadership"],
  ["unknown organisation type", { ...ok, profile: { organisationType: "bank" } }, "profile.organisationType"],
  ["unknown professional group", { ...ok, profile: { professionalGroup: "pilot" } }, "profile.professionalGroup"],
  ["unknown profile field", { ...ok, profile: { age: "40" } }, "profile.age"],
  ["overall 11", { ...ok, overall: 11 }, "overall"],
  ["overall -1", { ...ok, overall: -1 }, "overall"],
  ['overall "7"', { ...ok, overall: "7" }, "overall"],
  ["overall 6.5", { ...ok, overall: 6.5 }, "overall"],
  ['trend "maybe"', { ...ok, trend: "maybe" }, "trend"],
  ['involvement "lead"', { ...ok, involvement: "lead" }, "involvement"],
  ["extra top-level field", { ...ok, email: "anna@example.org" }, "email"],
  ["empty answers", { answers: {} }, "answers"],
  ["no answers", { overall: 5 }, "answers"],
  ["answers an array", { answers: [4, 3] }, "answers"],
  ["body an array", [ok], "body"],
  ["body a number", 42, "body"],
];

describe("bad input to POST /api/v1/s/:token/response", () => {
  it.each(CASES)("%s → 400 naming the field, nothing stored", async (_, body, field) => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    await call(t, "PUT", `${survey(token)}/draft`, { answers: { "purpose.2": 2 } });
    const before = surveyTables(t);
    const res = await call(t, "POST", `${survey(token)}/response`, body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_input");
    expect(res.json.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(res.json.error.message.startsWith(`${res.json.error.details[0].field}: `)).toBe(true);
    expect(surveyTables(t)).toEqual(before);
    // The link still works afterwards.
    expect((await call(t, "POST", `${survey(token)}/response`, ok)).status).toBe(201);
  });

  it("names the empty answers plainly", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const res = await call(t, "POST", `${survey(token)}/response`, { answers: {} });
    expect(res.json.error.message).toBe("answers: answer at least one statement");
  });

  it("a body that is not JSON → 400, nothing stored", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const before = surveyTables(t);
    const res = await call(t, "POST", `${survey(token)}/response`, '{"answers": {"purpose.1": 4', {
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_json");
    expect(res.json.error.message).toMatch(/body/);
    expect(surveyTables(t)).toEqual(before);
  });

  it("a comment of exactly 2,000 characters is accepted", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const res = await call(t, "POST", `${survey(token)}/response`, { ...ok, comments: { value: "é".repeat(2000) } });
    expect(res.status).toBe(201);
  });
});

describe("responseSchema", () => {
  it("is built once per instrument version", () => {
    const core = getInstrument("core", 1);
    if (!core) throw new Error("core v1 missing");
    expect(responseSchema(core)).toBe(responseSchema(core));
  });

  it("accepts every item of the instrument and every option code", () => {
    const core = getInstrument("core", 1);
    if (!core) throw new Error("core v1 missing");
    const answers = Object.fromEntries(core.themes.flatMap((theme) => theme.items.map((item) => [item.code, 5])));
    const org = core.questions.find((q) => q.code === "organisationType");
    const codes = org?.kind === "choice" ? org.options.map((o) => o.code) : [];
    for (const organisationType of codes) {
      expect(responseSchema(core).safeParse({ answers, overall: 0, profile: { organisationType } }).success).toBe(true);
    }
  });
});
