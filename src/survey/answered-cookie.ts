import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { Config } from "../lib/config";

// A round with no closing date is closed by hand; a month covers the life of a typical round.
const WITHOUT_CLOSING_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The cookie that remembers "this browser answered round X" after a submission through a shared
 * open link. Its name says which round, its value is always "1": it holds no identifier of the
 * person or the response and is sent only to the open-link pages (/o), never with answers.
 */
export const answeredCookie = (roundId: string) => `nm_answered_${roundId}`;

/**
 * Sets the cookie after a submission through an open link; it expires when the round closes. As a
 * Max-Age counted on our clock, so that a device whose clock is wrong still keeps it for the round.
 */
export function rememberAnswered(
  c: Context,
  config: Pick<Config, "secureCookies">,
  round: { id: string; closesAt: Date | null },
  now: Date,
): void {
  setCookie(c, answeredCookie(round.id), "1", {
    httpOnly: true,
    sameSite: "Lax",
    secure: config.secureCookies,
    path: "/o",
    maxAge: Math.max(0, Math.floor(((round.closesAt?.getTime() ?? now.getTime() + WITHOUT_CLOSING_MS) - now.getTime()) / 1000)),
  });
}

/** Whether this browser submitted through an open link of the round before. */
export function answeredBefore(c: Context, roundId: string): boolean {
  return getCookie(c, answeredCookie(roundId)) === "1";
}
