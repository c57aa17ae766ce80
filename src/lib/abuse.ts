import type { MiddlewareHandler } from "hono";
import { TOO_MANY_UNKNOWN_LINKS } from "../i18n/link-limit";
import type { AppEnv } from "./app-env";
import { clientAddress } from "./client-address";
import type { Clock } from "./clock";
import type { Config } from "./config";
import { AppError } from "./errors";
import { createRateLimiter, type RateLimit } from "./rate-limit";

/**
 * Sign-in attempts per client address. Generous enough for a training room signing in together;
 * tight enough that guessing passwords from one address is slow. (Each account also locks for 15
 * minutes after five wrong passwords in a row: see auth/login.ts.)
 */
export const LOGIN_LIMIT: RateLimit = { max: 30, windowSeconds: 600 };

/**
 * Failed survey-link lookups per client address. Links carry 128 random bits, so guessing is
 * hopeless anyway; this stops a scanner from hammering us. Only failures count and only failures
 * are refused: a member whose link works is never throttled, whoever shares their address.
 */
export const FAILED_LINK_LIMIT: RateLimit = { max: 30, windowSeconds: 600 };

/** One limiter for every sign-in route (JSON and form), per app (built by appDeps in src/app.ts). */
export function createLoginGuard(clock: Clock, config: Pick<Config, "trustProxy">, rule: RateLimit = LOGIN_LIMIT) {
  const limiter = createRateLimiter(clock, rule);
  return (c: Parameters<typeof clientAddress>[0]) => {
    const result = limiter.limit(`login:${clientAddress(c, config)}`);
    if (!result.ok) {
      throw new AppError("rate_limited", "Too many sign-in attempts from your network; please wait a few minutes", {
        retryAfterSeconds: result.retryAfterSeconds,
      });
    }
  };
}
export type LoginGuard = ReturnType<typeof createLoginGuard>;

/** Turns a client's survey-link 404s beyond FAILED_LINK_LIMIT into 429s with Retry-After. */
export function failedLinkGuard(
  clock: Clock,
  config: Pick<Config, "trustProxy">,
  rule: RateLimit = FAILED_LINK_LIMIT,
): MiddlewareHandler<AppEnv> {
  const limiter = createRateLimiter(clock, rule);
  return async (c, next) => {
    await next();
    if (c.res.status !== 404) return;
    const result = limiter.limit(`link:${clientAddress(c, config)}`);
    if (result.ok) return;
    const lang = c.req.query("lang") === "nl" || /^nl\b/i.test(c.req.header("Accept-Language") ?? "") ? "nl" : "en";
    const text = TOO_MANY_UNKNOWN_LINKS[lang];
    c.res = c.req.path.startsWith("/api/")
      ? c.json({ error: { code: "rate_limited", message: TOO_MANY_UNKNOWN_LINKS.en.message, requestId: c.get("requestId") } }, 429)
      : c.html(
          `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text.title}</title><link rel="stylesheet" href="/assets/app.css"></head><body><main class="wrap"><h1>${text.title}</h1><p>${text.message}</p></main></body></html>`,
          429,
        );
    c.header("Retry-After", String(result.retryAfterSeconds));
  };
}
