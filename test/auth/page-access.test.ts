import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { getPage } from "../support/http";

// The HTML pages' side of the access matrix (test/auth/access-matrix.test.ts covers the API).
describe("access to HTML pages", () => {
  it.each(["/", "/account", "/admin/users", "/networks/some-id"])("send an anonymous visitor of %s to the login page", async (path) => {
    const t = createTestApp();
    const res = await getPage(t, path);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/login?next=${encodeURIComponent(path)}`);
  });

  it("treat a deactivated user's session as no session", async () => {
    const t = createTestApp();
    const { deactivated } = makeCast(t);
    const res = await getPage(t, "/", { cookie: deactivated.cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/login/);
  });

  it("refuse the users page to facilitators and commissioners (403) and show it to admins", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    for (const who of [cast.facilitator, cast.commissioner]) {
      const res = await getPage(t, "/admin/users", { cookie: who.cookie });
      expect(res.status).toBe(403);
      expect(res.text).not.toContain(cast.admin.user.email);
    }
    expect((await getPage(t, "/admin/users", { cookie: cast.admin.cookie })).status).toBe(200);
  });

  it("answer 404 for a network page to a facilitator of another network, giving nothing away", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    for (const who of [cast.otherFacilitator, cast.otherCommissioner]) {
      const res = await getPage(t, `/networks/${cast.network.id}`, { cookie: who.cookie });
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(cast.network.name);
    }
    for (const who of [cast.admin, cast.facilitator, cast.commissioner]) {
      const res = await getPage(t, `/networks/${cast.network.id}`, { cookie: who.cookie });
      expect(res.status).toBe(200);
      expect(res.text).toContain(cast.network.name);
    }
  });
});
