import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, STAGES } from "../../src/db/schema";
import { ORGANISATION_TYPES } from "../../src/organisations/types";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, makeUser, TEST_PASSWORD } from "../support/factories";
import { ORIGIN } from "../support/http";
import { anyText, hostileString, unknownKey } from "./arbitraries";
import { storedState } from "./oracle";

// What an HTML page must never echo back unescaped.
const XSS_MARKERS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>"];

/** Form fields: the form's own with plausible or hostile values, some left out, some added. */
function formFields(own: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<[string, string][]> {
  const entries = Object.entries(own).map(([key, plausible]) =>
    fc.option(
      fc.oneof(plausible, hostileString).map((v): [string, string] => [key, v]),
      { nil: undefined, freq: 5 },
    ),
  );
  const extra = fc.array(fc.tuple(unknownKey, hostileString), { maxLength: 2 });
  return fc.tuple(fc.tuple(...entries), extra).map(([mine, more]) => [...mine.filter((e) => e !== undefined), ...more]);
}

/** The body of a form post: properly encoded fields, or raw text that only claims to be a form. */
const formText = (own: Record<string, fc.Arbitrary<string>>) =>
  fc.oneof(
    { arbitrary: formFields(own).map((fields) => new URLSearchParams(fields).toString()), weight: 5 },
    { arbitrary: fc.oneof(anyText, fc.constantFrom("%", "%zz=%", "&&&", "=", "a=%E0%A4%A", "a=1&a=2&a=3", "+++=+++")), weight: 1 },
  );

/** Mostly a form's own Content-Type; sometimes one that does not describe the body (multipart without a boundary…). */
const contentType = fc.oneof(
  { arbitrary: fc.constant("application/x-www-form-urlencoded"), weight: 8 },
  { arbitrary: fc.constantFrom("multipart/form-data", "multipart/form-data; boundary=x", "text/plain", "application/json"), weight: 1 },
);
const URLENCODED = "application/x-www-form-urlencoded";

/** A Content-Type and a body. */
const formBody = (own: Record<string, fc.Arbitrary<string>>) => fc.tuple(contentType, formText(own));

async function postForm(t: TestApp, path: string, [type, body]: [string, string], cookie?: string) {
  const headers: Record<string, string> = { "Content-Type": type, Accept: "text/html", Origin: ORIGIN };
  if (cookie) headers.Cookie = `nm_session=${cookie}`;
  const res = await t.app.request(`${ORIGIN}${path}`, { method: "POST", headers, body });
  return { type, status: res.status, location: res.headers.get("Location"), text: await res.text() };
}

/** No 5xx; a refusal is a page with the error summary, stores nothing and echoes nothing unescaped. */
function expectFormContract(res: Awaited<ReturnType<typeof postForm>>, before: string, after: string) {
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  for (const marker of XSS_MARKERS) expect(res.text).not.toContain(marker);
  if (res.status === 303) {
    // Wherever a redirect goes, it stays on our site.
    expect(new URL(res.location ?? "", ORIGIN).origin, `redirect to ${res.location}`).toBe(ORIGIN);
    return;
  }
  expect(after, "stored something although refused").toBe(before);
  // A body that is not a form at all gets the error page; a form with bad fields gets the error summary.
  if (res.status === 400 && res.type === URLENCODED) expect(res.text).toContain('class="error-summary"');
  if (res.status >= 400) expect(res.text).toContain("<html");
}

const text = fc.string({ minLength: 1, maxLength: 40 });
const nextPaths = fc.constantFrom(
  "/",
  "/networks/x",
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "https://evil.example",
  "/%2F/evil.example",
  "javascript:alert(1)",
);

describe("fuzzing HTML forms", () => {
  it("POST /login", async () => {
    const t = createTestApp();
    const user = makeUser(t.deps);
    const fields = {
      email: fc.constantFrom(user.email, "nobody@example.org"),
      password: fc.constantFrom(TEST_PASSWORD, "wrong"),
      next: nextPaths,
    };
    await fc.assert(
      fc.asyncProperty(formBody(fields), async (body) => {
        const before = storedState(t.db);
        const res = await postForm(t, "/login", body);
        t.clock.advance(21_000); // under the sign-in limit of 30 per 10 minutes
        expectFormContract(res, before, storedState(t.db));
        if (res.status !== 303 && res.type === URLENCODED) expect(res.text).toContain('class="error-summary"');
      }),
      { numRuns: 50 },
    );
  });

  it("POST /networks (create a network)", async () => {
    const t = createTestApp();
    const cast = makeCast(t.deps);
    const fields = { name: text, description: text, stage: fc.constantFrom(...STAGES, "nope") };
    await fc.assert(
      fc.asyncProperty(formBody(fields), async (body) => {
        const before = storedState(t.db, ["networks"]);
        const res = await postForm(t, "/networks", body, cast.facilitator.cookie);
        expectFormContract(res, before, storedState(t.db, ["networks"]));
      }),
      { numRuns: 120 },
    );
  });

  it("POST /admin/users (create a user as admin)", async () => {
    const t = createTestApp();
    const cast = makeCast(t.deps);
    const email = fc.stringMatching(/^[a-z0-9]{1,12}$/).map((local) => `${local}@example.org`);
    const fields = { email, name: text, role: fc.constantFrom(...ROLES, "root"), password: fc.string({ minLength: 10, maxLength: 30 }) };
    await fc.assert(
      fc.asyncProperty(formBody(fields), async (body) => {
        const before = storedState(t.db, ["users"]);
        const res = await postForm(t, "/admin/users", body, cast.admin.cookie);
        expectFormContract(res, before, storedState(t.db, ["users"]));
      }),
      { numRuns: 60 },
    );
  });

  it("POST /networks/:id/organisations (add an organisation)", async () => {
    const t = createTestApp();
    const cast = makeCast(t.deps);
    const fields = { name: text, type: fc.constantFrom(...ORGANISATION_TYPES, "castle") };
    await fc.assert(
      fc.asyncProperty(formBody(fields), fc.constantFrom("en", "nl"), async (body, lang) => {
        const before = storedState(t.db, ["organisations"]);
        const res = await postForm(t, `/networks/${cast.network.id}/organisations?lang=${lang}`, body, cast.facilitator.cookie);
        expectFormContract(res, before, storedState(t.db, ["organisations"]));
      }),
      { numRuns: 80 },
    );
  });

  it("POST /networks/:id/organisations/from-roster (add the organisations named in the roster)", async () => {
    const t = createTestApp();
    const cast = makeCast(t.deps);
    const type = fc.constantFrom(...ORGANISATION_TYPES, "castle");
    const fields = {
      "name-0": text,
      "add-0": fc.constantFrom("yes", "no"),
      "type-0": type,
      "name-1": text,
      "add-1": fc.constant("yes"),
      "type-1": type,
    };
    await fc.assert(
      fc.asyncProperty(formBody(fields), async (body) => {
        const before = storedState(t.db, ["organisations"]);
        const res = await postForm(t, `/networks/${cast.network.id}/organisations/from-roster`, body, cast.facilitator.cookie);
        expectFormContract(res, before, storedState(t.db, ["organisations"]));
      }),
      { numRuns: 80 },
    );
  });

  it("GET /login?next= when signed in redirects only within the site", async () => {
    const t = createTestApp();
    const cast = makeCast(t.deps);
    await fc.assert(
      fc.asyncProperty(fc.oneof(nextPaths, hostileString), async (next) => {
        const res = await t.app.request(`${ORIGIN}/login?next=${encodeURIComponent(next.replace(/\p{Cs}/gu, ""))}`, {
          headers: { Accept: "text/html", Cookie: `nm_session=${cast.facilitator.cookie}` },
        });
        expect(res.status).toBe(303);
        expect(new URL(res.headers.get("Location") ?? "", ORIGIN).origin, `redirect to ${res.headers.get("Location")}`).toBe(ORIGIN);
      }),
      { numRuns: 100 },
    );
  });
});
