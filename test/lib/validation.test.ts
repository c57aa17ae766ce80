import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { call } from "../support/http";

// Found by the fuzz tests (test/fuzz): both used to give a 400 whose details named nothing readable,
// or a 201 that stored bytes no UTF-8 reader can decode.
describe("400 details always name a field", () => {
  it("quotes a blank or control-character key, and cuts a very long one", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t.deps);
    const long = "k".repeat(500);
    const res = await call(t, "POST", "/api/v1/networks", { name: "N", "": 1, "\r\n": 2, [long]: 3 }, { cookie: facilitator.cookie });
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { field: string }) => d.field)).toEqual(['""', '"\\r\\n"', `${"k".repeat(100)}…`]);
  });
});

describe("text that is not valid Unicode", () => {
  it("refuses a string holding an unpaired surrogate with a 400 naming it, and stores nothing", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t.deps);
    const before = t.db.$client.prepare("select count(*) from networks").pluck().get();
    const res = await call(t, "POST", "/api/v1/networks", { name: "Zorg\uD800net" }, { cookie: facilitator.cookie });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([{ field: "name", message: "is not valid text (it holds half of a UTF-16 surrogate pair)" }]);
    expect(t.db.$client.prepare("select count(*) from networks").pluck().get()).toBe(before);
  });

  it("accepts surrogate pairs (emoji) and stores them as they came", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t.deps);
    const res = await call(t, "POST", "/api/v1/networks", { name: "Zorg 👩🏽‍⚕️ net" }, { cookie: facilitator.cookie });
    expect(res.status).toBe(201);
    expect(res.json.name).toBe("Zorg 👩🏽‍⚕️ net");
  });
});
