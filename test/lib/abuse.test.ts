import { describe, expect, it } from "vitest";
import { FAILED_LINK_LIMIT, LOGIN_LIMIT } from "../../src/lib/abuse";
import { createTestApp } from "../support/app";
import { makeInvitation, makeNetwork, makeRound } from "../support/factories";
import { call, getPage } from "../support/http";

describe("abuse limits", () => {
  it("limits sign-in attempts per client address, says when to retry, and lets go after the window", async () => {
    const t = createTestApp();
    for (let i = 0; i < LOGIN_LIMIT.max; i++) {
      expect((await call(t, "POST", "/api/v1/auth/login", { email: `nobody${i}@example.org`, password: "wrong password" })).status).toBe(
        401,
      );
    }
    const limited = await call(t, "POST", "/api/v1/auth/login", { email: "someone@example.org", password: "wrong password" });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    t.clock.advance(LOGIN_LIMIT.windowSeconds * 1000);
    expect((await call(t, "POST", "/api/v1/auth/login", { email: "someone@example.org", password: "wrong password" })).status).toBe(401);
  }, 30_000);

  it("throttles only failed survey-link lookups: a working link is never refused", async () => {
    const t = createTestApp();
    const network = makeNetwork(t);
    const round = makeRound(t, network.id, { status: "open" });
    const { token } = makeInvitation(t, round.id);
    for (let i = 0; i < FAILED_LINK_LIMIT.max; i++) {
      expect((await call(t, "GET", `/api/v1/s/not-a-link-${i}`)).status).toBe(404);
    }
    const limited = await call(t, "GET", "/api/v1/s/not-a-link-again");
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatchObject({ code: "rate_limited" });
    expect(limited.headers.get("retry-after")).not.toBeNull();
    const page = await getPage(t, "/s/not-a-link-html");
    expect(page.status).toBe(429);
    expect(page.text).toContain("Please wait");
    const dutch = await getPage(t, "/s/not-a-link-nl", { headers: { "Accept-Language": "nl-NL,nl;q=0.9" } });
    expect(dutch.text).toContain("Wacht een paar minuten");
    // The member with a real link, behind the same address, gets in.
    expect((await call(t, "GET", `/api/v1/s/${token}`)).status).toBe(200);
    expect((await getPage(t, `/s/${token}`)).status).toBe(200);
  });
});
