import { describe, expect, it } from "vitest";
import { manualClock } from "../../src/lib/clock";
import { createRateLimiter } from "../../src/lib/rate-limit";

describe("createRateLimiter", () => {
  it("allows max requests per key per window, then says how long to wait", () => {
    const clock = manualClock("2026-03-02T09:00:00Z");
    const limiter = createRateLimiter(clock, { max: 2, windowSeconds: 60 });
    expect(limiter.limit("a")).toEqual({ ok: true, retryAfterSeconds: 0 });
    expect(limiter.limit("a").ok).toBe(true);
    clock.advance(15_500);
    expect(limiter.limit("a")).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(limiter.limit("b").ok).toBe(true);
    clock.advance(44_500);
    expect(limiter.limit("a").ok).toBe(true);
  });
});
