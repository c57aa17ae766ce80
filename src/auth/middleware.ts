import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../lib/app-env";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { actorFromSession, SESSION_COOKIE } from "./sessions";
import { actorFromApiToken } from "./tokens";

/**
 * Works out who is asking: a bearer token wins over the session cookie. A bearer token that is
 * wrong, revoked or belongs to a deactivated user is a 401 at once (a script should know).
 */
export function authenticate(db: Db, clock: Clock): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const authorization = c.req.header("Authorization");
    if (authorization?.startsWith("Bearer ")) {
      const actor = actorFromApiToken(db, clock, authorization.slice(7).trim());
      if (!actor) throw new AppError("unauthorized", "The API token is not valid");
      c.set("actor", actor);
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    c.set("actor", cookie ? actorFromSession(db, clock, cookie) : null);
    return next();
  };
}
