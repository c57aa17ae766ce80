import type { Clock } from "./clock";

export interface RateLimit {
  /** Requests allowed per key in one window. */
  max: number;
  /** Length of the window in seconds. */
  windowSeconds: number;
}

export interface RateLimitResult {
  ok: boolean;
  /** Seconds until the key's window ends; 0 when the request is allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  limit(key: string): RateLimitResult;
}

// Above this many keys, expired windows are swept so that a scan of many addresses cannot grow
// the map without bound.
const SWEEP_ABOVE = 10_000;

/**
 * A fixed-window limiter kept in memory, keyed by any string (usually a client address). Time
 * comes from the injected clock, so tests move through windows by hand. One process, one map:
 * enough for a single netmirror instance.
 * @example
 * const limiter = createRateLimiter(clock, { max: 600, windowSeconds: 600 });
 * if (!limiter.limit(address).ok) answer429();
 */
export function createRateLimiter(clock: Clock, rule: RateLimit): RateLimiter {
  const windowMs = rule.windowSeconds * 1000;
  const windows = new Map<string, { start: number; count: number }>();

  const sweep = (now: number) => {
    for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
  };

  return {
    limit(key) {
      const now = clock.now().getTime();
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        if (!w && windows.size >= SWEEP_ABOVE) sweep(now);
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      if (w.count >= rule.max) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) };
      }
      w.count += 1;
      return { ok: true, retryAfterSeconds: 0 };
    },
  };
}
