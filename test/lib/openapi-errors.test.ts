import { describe, expect, it } from "vitest";
import { codeToStatus } from "../../src/lib/errors";
import { createTestApp } from "../support/app";
import { call } from "../support/http";

describe("error codes in the OpenAPI document", () => {
  it("lists every code as an enum, with the status each one answers with", async () => {
    const t = createTestApp();
    const res = await call(t, "GET", "/api/v1/openapi.json");
    const code = res.json.components.schemas.Error.properties.error.properties.code;
    expect(code.enum).toEqual(expect.arrayContaining(["invalid_input", "invalid_body", "not_found", "already_submitted", "rate_limited"]));
    for (const each of code.enum as Parameters<typeof codeToStatus>[0][]) {
      expect(code.description).toContain(`${each} ${codeToStatus(each)}`);
    }
    // An error the app really answers with carries one of the listed codes.
    const missing = await call(t, "GET", "/api/v1/networks/nope");
    expect(code.enum).toContain(missing.json.error.code);
  });
});
