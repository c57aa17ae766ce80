import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { call, sessionCookie } from "../support/http";

describe("login", () => {
  it("signs in with the right password and sets a safe session cookie", async () => {
    const t = createTestApp();
    const user = makeUser(t, { email: "fran@example.org" });
    const res = await call(t, "POST", "/api/v1/auth/login", { email: "Fran@Example.org", password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: user.id, email: "fran@example.org", role: "facilitator" });
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const me = await call(t, "GET", "/api/v1/auth/me", undefined, { cookie: sessionCookie(res.headers) });
    expect(me.json.email).toBe("fran@example.org");
  });

  it("marks the cookie Secure when the public URL is https", async () => {
    const t = createTestApp({ env: { PUBLIC_URL: "https://netmirror.example.org" } });
    makeUser(t, { email: "fran@example.org" });
    const res = await call(
      t,
      "POST",
      "/api/v1/auth/login",
      { email: "fran@example.org", password: TEST_PASSWORD },
      { headers: { Origin: "https://netmirror.example.org" } },
    );
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("refuses a wrong password with 401 and the error shape", async () => {
    const t = createTestApp();
    makeUser(t, { email: "fran@example.org" });
    const res = await call(t, "POST", "/api/v1/auth/login", { email: "fran@example.org", password: "wrong password!" });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: "unauthorized", message: "The email or password is not right" });
    expect(res.json.error.requestId).toBe(res.headers.get("x-request-id"));
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});
