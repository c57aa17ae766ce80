import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { Config } from "./config";

/**
 * The address a request came from, for rate limiting only (never stored or logged). Behind a
 * trusted proxy it is the first `X-Forwarded-For` entry (the original client); otherwise the
 * socket's address. Requests without a socket (`app.request()` in tests) are "unknown".
 */
export function clientAddress(c: Context, config: Pick<Config, "trustProxy">): string {
  if (config.trustProxy) {
    const first = c.req.header("X-Forwarded-For")?.split(",")[0]?.trim();
    if (first) return first;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // No Node socket behind this request: c.env has no `incoming`.
    return "unknown";
  }
}
