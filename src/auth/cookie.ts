import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { Config } from "../lib/config";
import { SESSION_COOKIE } from "./sessions";

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure when we are served over https. */
export function setSessionCookie(c: Context, config: Config, token: string, expires: Date) {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: "Lax", secure: config.secureCookies, path: "/", expires });
}

export function clearSessionCookie(c: Context, config: Config) {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: config.secureCookies });
}
