import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { call } from "../support/http";

describe("validation messages", () => {
  it("read as plain English and name each field", async () => {
    const t = createTestApp();
    const { admin } = makeCast(t);
    const res = await call(
      t,
      "POST",
      "/api/v1/users",
      { email: "not an email", name: "", role: "boss", password: 12 },
      { cookie: admin.cookie },
    );
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(res.json.error.details.map((d: { field: string; message: string }) => [d.field, d.message]));
    expect(byField).toMatchObject({
      email: "is not a valid email address",
      name: "is required",
      role: 'must be one of "admin", "facilitator", "commissioner"',
      password: "must be text",
    });
    expect(res.json.error.message).toBe(`${res.json.error.details[0].field}: ${res.json.error.details[0].message}`);
  });
});
