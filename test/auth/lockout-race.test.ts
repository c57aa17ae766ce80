import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { verifyPassword } from "../../src/auth/passwords";
import { users } from "../../src/db/schema";
import { createTestApp } from "../support/app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { call } from "../support/http";

// The promise: at most 5 wrong passwords are checked per 15-minute lock window, however many arrive at once.
const MAX_FAILED_LOGINS = 5;

/** An app over a fresh database whose password checks (real Argon2id) are counted. */
function countingApp() {
  const t = createTestApp({ env: { TRUST_PROXY: "true" } });
  const checked: string[] = [];
  const app = createApp({
    ...t.deps,
    checkPassword: (stored: string, password: string) => {
      checked.push(password);
      return verifyPassword(stored, password);
    },
  });
  return { ...t, app, checked };
}

// Each request from its own address, so that the per-address sign-in limit is not what stops them.
const wrongLogin = (t: { app: ReturnType<typeof createApp> }, email: string, i: number) =>
  call(
    t,
    "POST",
    "/api/v1/auth/login",
    { email, password: `wrong password ${i}` },
    { headers: { "X-Forwarded-For": `10.0.${i >> 8}.${i & 255}` } },
  );

describe("lockout under parallel wrong passwords", () => {
  it.each([20, 100])("checks at most 5 of %i wrong passwords sent at once, and locks the account", async (parallel) => {
    const t = countingApp();
    const user = makeUser(t, { email: "fran@example.org" });
    const answers = await Promise.all(Array.from({ length: parallel }, (_, i) => wrongLogin(t, "fran@example.org", i)));

    expect(t.checked).toHaveLength(MAX_FAILED_LOGINS);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILED_LOGINS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(parallel - MAX_FAILED_LOGINS);
    for (const a of answers.filter((a) => a.status === 429)) expect(Number(a.headers.get("retry-after"))).toBeGreaterThan(0);

    const row = t.db.select().from(users).where(eq(users.id, user.id)).get();
    expect(row?.lockedUntil?.getTime()).toBe(t.clock.now().getTime() + 15 * 60_000);
    // Even the right password waits for the lock to lift, unchecked.
    const right = await call(t, "POST", "/api/v1/auth/login", { email: "fran@example.org", password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect(t.checked).toHaveLength(MAX_FAILED_LOGINS);
  });

  it("counts the same for an email without an account", async () => {
    const t = countingApp();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => wrongLogin(t, "nobody@example.org", i)));
    expect(t.checked).toHaveLength(MAX_FAILED_LOGINS);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(MAX_FAILED_LOGINS);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(20 - MAX_FAILED_LOGINS);
  });

  it("lets the right password through when it arrives among fewer than 5 wrong ones, and starts counting afresh", async () => {
    const t = countingApp();
    const user = makeUser(t, { email: "fran@example.org" });
    const answers = await Promise.all([
      ...Array.from({ length: 3 }, (_, i) => wrongLogin(t, "fran@example.org", i)),
      call(t, "POST", "/api/v1/auth/login", { email: "fran@example.org", password: TEST_PASSWORD }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401, 401]);
    const row = t.db.select().from(users).where(eq(users.id, user.id)).get();
    expect(row?.lockedUntil).toBeNull();
    expect(row?.failedLogins).toBeLessThanOrEqual(3);
  });

  it("lifts the lock 15 minutes after it began and gives a fresh budget of 5", async () => {
    const t = countingApp();
    makeUser(t, { email: "fran@example.org" });
    await Promise.all(Array.from({ length: 20 }, (_, i) => wrongLogin(t, "fran@example.org", i)));
    t.clock.advance(15 * 60_000);
    const again = await Promise.all(Array.from({ length: 20 }, (_, i) => wrongLogin(t, "fran@example.org", 100 + i)));
    expect(again.filter((a) => a.status === 401)).toHaveLength(MAX_FAILED_LOGINS);
    expect(t.checked).toHaveLength(2 * MAX_FAILED_LOGINS);
  });
});
