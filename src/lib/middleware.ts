import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "./app-env";
import type { Config } from "./config";
import { AppError } from "./errors";
import type { Logger } from "./logger";
import { redactPath } from "./logger";

/** Gives every request an id, echoed in `X-Request-Id` and in every error body and log line. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = randomUUID();
    c.set("requestId", id);
    c.set("actor", null);
    await next();
    c.header("X-Request-Id", id);
  };
}

/** One JSON line per request: never a token, password or answer (paths are redacted, bodies never logged). */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info("request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      user: c.get("actor")?.userId,
    });
  };
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Security headers on every response: a CSP without inline script, no framing, no referrer. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    // A route may send a policy of its own (the report preview: inline styles, nothing else at all).
    if (!c.res.headers.has("Content-Security-Policy")) c.header("Content-Security-Policy", CSP);
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("X-Frame-Options", "DENY");
    c.header("Cross-Origin-Opener-Policy", "same-origin");
    c.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  };
}

// Pages and JSON reached with a member's own link (survey, open link, mirror) and the sign-in and
// account pages: personal whoever asks, signed in or not.
const PERSONAL_PATH = /^\/(?:api\/v1\/)?(?:s|o|m)\/|^\/(?:login|account)(?:\/|$)/;
// The same for everyone: the one thing a signed-in user gets that a cache may keep.
const PUBLIC_PATH = /^\/assets\//;

/**
 * `Cache-Control: no-store` on every response to a signed-in user (cookie or token) and on every
 * response reached by a personal link, so that no shared cache, proxy or back-forward store keeps
 * names, answers, comments or tokens. A route's own policy that already says no-store stays.
 */
export function noStoreForPrivate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (PUBLIC_PATH.test(c.req.path)) return;
    if (!c.get("actor") && !PERSONAL_PATH.test(c.req.path)) return;
    if (/\bno-store\b/.test(c.res.headers.get("Cache-Control") ?? "")) return;
    c.header("Cache-Control", "no-store");
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function fromOurOrigin(c: Context, allowed: Set<string>): boolean {
  const origin = c.req.header("Origin");
  // Under the `Referrer-Policy: no-referrer` we send, browsers post even same-origin forms with
  // `Origin: null`; then Sec-Fetch-Site is what still says where the request came from.
  if (origin && origin !== "null") return allowed.has(origin);
  const site = c.req.header("Sec-Fetch-Site");
  if (site) return site === "same-origin" || site === "none";
  return false;
}

/**
 * Refuses unsafe requests that carry our session cookie (forms and JSON alike) unless they come
 * from our own origin, judged by `Origin` or `Sec-Fetch-Site`. Bearer-token requests are exempt:
 * a browser never adds those by itself. The login form is checked too when it says where it came from.
 */
export function csrfGuard(config: Config, cookieName: string): MiddlewareHandler<AppEnv> {
  const allowed = new Set([new URL(config.publicUrl).origin]);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.header("Authorization")?.startsWith("Bearer ")) return next();
    // One-click unsubscribe (RFC 8058) is posted by mail programs from anywhere; the secret in the
    // path is its credential and it acts on no session, so a forged request can do nothing more.
    if (c.req.path.startsWith("/u/")) return next();
    const ours = new Set([...allowed, new URL(c.req.url).origin]);
    const hasSession = getCookie(c, cookieName) !== undefined;
    const saysWhere = c.req.header("Origin") !== undefined || c.req.header("Sec-Fetch-Site") !== undefined;
    if ((hasSession || saysWhere) && !fromOurOrigin(c, ours)) {
      throw new AppError("csrf_rejected", "This request did not come from a netmirror page; reload the page and try again");
    }
    return next();
  };
}
