import { describe, expect, it } from "vitest";
import { networks } from "../../src/db/schema";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { ORIGIN } from "../support/http";
import { openSurvey, survey } from "../survey/helpers";

// "Ab" + 0xC3 0x28 + "cd": 0xC3 opens a two-byte sequence and 0x28 "(" cannot continue it.
const INVALID = Uint8Array.from([0x41, 0x62, 0xc3, 0x28, 0x63, 0x64]);
const bytes = (...parts: (string | Uint8Array)[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p)))));

function send(t: TestApp, method: string, path: string, body: Uint8Array<ArrayBuffer>, headers: Record<string, string>) {
  return t.app.request(`${ORIGIN}${path}`, { method, headers: { Origin: ORIGIN, ...headers }, body });
}

describe("a request body that is not valid UTF-8", () => {
  it("is refused with 400 invalid_body on a JSON route, and nothing is stored", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const before = t.db.select().from(networks).all().length;
    const res = await send(t, "POST", "/api/v1/networks", bytes('{"name":"', INVALID, '"}'), {
      "Content-Type": "application/json",
      Accept: "application/json",
      Cookie: `nm_session=${facilitator.cookie}`,
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: "invalid_body", details: [{ field: "body", message: "is not valid UTF-8" }] });
    expect(t.db.select().from(networks).all()).toHaveLength(before);
  });

  it("is refused on a survey draft, which stores nothing", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const res = await send(t, "PUT", `${survey(token)}/draft`, bytes('{"comments":{"purpose":"', INVALID, '"}}'), {
      "Content-Type": "application/json",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_body");
    const read = await t.app.request(`${ORIGIN}${survey(token)}`, { headers: { Accept: "application/json" } });
    expect((await read.json()).draft ?? null).toBeNull();
  });

  it.each([
    ["raw bytes", bytes("email=", INVALID, "%40example.org&password=x")],
    ["percent-encoded bytes", bytes("email=Ab%C3%28cd%40example.org&password=x")],
    ["a lone continuation byte, encoded", bytes("email=a%80b&password=x")],
  ])("is refused in a form post (%s)", async (_, body) => {
    const t = createTestApp();
    const res = await send(t, "POST", "/login", body, { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html" });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain("not valid UTF-8");
    expect(page).toContain('class="error-summary"');
    expect(page).not.toContain("\uFFFD");
  });

  it("lets valid UTF-8 through, accents and all, in JSON and in forms", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const res = await send(t, "POST", "/api/v1/networks", bytes('{"name":"Zorg café — Ærø"}'), {
      "Content-Type": "application/json",
      Accept: "application/json",
      Cookie: `nm_session=${facilitator.cookie}`,
    });
    expect(res.status).toBe(201);
    expect((await res.json()).name).toBe("Zorg café — Ærø");
    const form = await send(t, "POST", "/login", bytes("email=caf%C3%A9%40example.org&password=wrong+one"), {
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "text/html",
    });
    expect(form.status).toBe(401);
  });
});
