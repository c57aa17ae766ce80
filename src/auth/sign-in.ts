import { Hono, type MiddlewareHandler } from "hono";
import type { AppEnv } from "../lib/app-env";
import { loginRedirect } from "../lib/pages";

/**
 * Pages of the staff routers that anyone may open signed out. Everything else a staff router
 * declares sends a signed-out visitor to the login page. (The survey's /s and /o pages are mounted
 * apart, not behind the middleware.)
 */
export const PUBLIC_PAGES: readonly string[] = [
  "GET /login",
  "POST /login",
  // Signing out when the session has already gone still clears the cookie and says so.
  "POST /logout",
  // The members' mirror, read without an account.
  "GET /m/:slug",
];

/**
 * Where a signed-out browser goes back to after signing in, for form posts whose address is not a
 * page of its own: the page the form was on (`:name` is the post's own parameter). Any other
 * request comes back to its own address and query.
 */
export const AFTER_SIGN_IN: Readonly<Record<string, string>> = {
  "POST /networks/:id": "/networks/:id",
  "POST /networks/:id/grants": "/networks/:id",
  "POST /networks/:id/grants/:grantId/delete": "/networks/:id",
  "POST /networks/:id/rounds": "/networks/:id",
  "POST /networks/:id/members": "/networks/:id/members",
  "POST /networks/:id/members/:memberId/delete": "/networks/:id/members",
  "POST /networks/:id/members/import": "/networks/:id/members",
  "POST /networks/:id/members/import/confirm": "/networks/:id/members",
  "POST /rounds/:id/open": "/rounds/:id",
  "POST /rounds/:id/extend": "/rounds/:id",
  "POST /rounds/:id/close": "/rounds/:id",
  "POST /rounds/:id/invitations.csv": "/rounds/:id",
  "POST /rounds/:id/links/:invitationId/reissue": "/rounds/:id",
  "POST /rounds/:id/mirror/publish": "/rounds/:id",
  "POST /rounds/:id/mirror/unpublish": "/rounds/:id",
  "POST /rounds/:id/comments/release": "/rounds/:id/review",
  "POST /rounds/:id/actions": "/rounds/:id/review",
  "POST /networks/:id/organisations": "/networks/:id/organisations",
  "POST /networks/:id/organisations/:organisationId/active": "/networks/:id/organisations",
  "POST /networks/:id/organisations/:organisationId/edit": "/networks/:id/organisations",
  "POST /networks/:id/organisations/:organisationId/delete": "/networks/:id/organisations",
  "POST /networks/:id/organisations/from-roster": "/networks/:id/organisations",
  "POST /rounds/:id/email/invitations": "/rounds/:id",
  "POST /rounds/:id/email/reminders": "/rounds/:id",
  "POST /rounds/:id/email/reminders/now": "/rounds/:id",
  "POST /admin/mail/resume": "/admin/mail",
  "POST /portfolio/settings": "/portfolio",
  // Comments and actions have no page: home, which lists the networks.
  "POST /comments/:id/hide": "/",
  "POST /comments/:id/release": "/",
  "POST /actions/:id": "/",
  "POST /actions/:id/delete": "/",
};

/** Sends a signed-out visitor to the login page, to come back to `returnTo` (else the address asked for). */
export function requireSignIn(returnTo?: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get("actor")) return next();
    if (!returnTo) return loginRedirect(c);
    const path = returnTo.replace(/:(\w+)/g, (_, name: string) => c.req.param(name) ?? "");
    return c.redirect(`/login?next=${encodeURIComponent(path)}`, 303);
  };
}

/**
 * A staff router with sign-in required on every route it declares, except PUBLIC_PAGES. Only the
 * router's own paths are guarded: the routers are mounted side by side at "/", and a middleware
 * on "*" would also catch the survey's pages, the API and unknown addresses.
 * @example app.route("/", signedInPages(networkPages(deps)));
 */
export function signedInPages(router: Hono<AppEnv>): Hono<AppEnv> {
  const guarded = new Hono<AppEnv>();
  const seen = new Set<string>();
  for (const { method, path } of router.routes) {
    const route = `${method} ${path}`;
    if (seen.has(route) || PUBLIC_PAGES.includes(route)) continue;
    seen.add(route);
    guarded.on(method, path, requireSignIn(AFTER_SIGN_IN[route]));
  }
  return guarded.route("/", router);
}
