import { describe, expect, it } from "vitest";
import { AFTER_SIGN_IN, PUBLIC_PAGES } from "../../src/auth/sign-in";
import { createTestApp } from "../support/app";
import { getPage, postForm } from "../support/http";

// Members reach these by a link, without an account (survey, open link, unsubscribe); everything else outside the API is staff's.
const MEMBERS_AND_MACHINES = ["/api/", "/s/", "/o/", "/u/", "/assets/"];

/** Every page route of the whole app (as mounted by createApp), apart from the members' and the API. */
function staffRoutes() {
  const t = createTestApp();
  const routes = new Set<string>();
  for (const { method, path } of t.app.routes) {
    if (method !== "GET" && method !== "POST") continue;
    if (MEMBERS_AND_MACHINES.some((prefix) => path.startsWith(prefix))) continue;
    routes.add(`${method} ${path}`);
  }
  return { t, routes: [...routes] };
}

/** A concrete address for a route: each parameter becomes a made-up id. */
const addressOf = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => `no-such-${name}`).replace(/\*$/, "x");

describe("sign-in middleware on the staff pages", () => {
  it("sends a signed-out visitor of every staff page to sign in, coming back to the page (or the form's page)", async () => {
    const { t, routes } = staffRoutes();
    const guarded = routes.filter((r) => !PUBLIC_PAGES.includes(r));
    // The app has dozens of staff pages: an empty list would prove nothing.
    expect(guarded.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const route of guarded) {
      const [method, path = ""] = route.split(" ");
      const address = `${addressOf(path)}?from=test`;
      const res = method === "GET" ? await getPage(t, address) : await postForm(t, address, {});
      const after = AFTER_SIGN_IN[route];
      const next = after ? addressOf(after) : address;
      const expected = `/login?next=${encodeURIComponent(next)}`;
      if (res.status !== 303 || res.headers.get("location") !== expected)
        wrong.push(`${route}: ${res.status} ${res.headers.get("location")} (wanted 303 ${expected})`);
    }
    expect(wrong).toEqual([]);
  });

  it("lists only public pages and form posts that exist", () => {
    const { routes } = staffRoutes();
    expect(PUBLIC_PAGES.filter((r) => !routes.includes(r))).toEqual([]);
    expect(Object.keys(AFTER_SIGN_IN).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it("lets a signed-out visitor open the public pages", async () => {
    const t = createTestApp();
    expect((await getPage(t, "/login")).status).toBe(200);
    // An unknown mirror is "not found", not a login page: members have no account.
    expect((await getPage(t, "/m/no-such-mirror")).status).toBe(404);
    expect((await postForm(t, "/logout", {})).headers.get("location")).toBe("/login?signedOut=1");
  });

  it("leaves addresses no page declares to the 404 page, signed in or not", async () => {
    const t = createTestApp();
    expect((await getPage(t, "/no-such-page")).status).toBe(404);
    expect((await getPage(t, "/s/no-such-link")).status).not.toBe(303);
  });
});
