import fc from "fast-check";
import { ROLES } from "../../src/db/schema";
import type { TestApp } from "../support/app";
import { makeCast, makeUser, TEST_PASSWORD } from "../support/factories";
import { HOSTILE_STRINGS, type JsonObject } from "./arbitraries";
import { type Credentials, credentialsFor, type Via } from "./oracle";

/** One endpoint set up for fuzzing: where to send, what a valid body looks like, who sends it. */
export interface Target {
  path: string;
  valid: fc.Arbitrary<JsonObject>;
  who: Credentials;
  /** Only these ways of signing in (a password change ends sessions, so it is sent with a token). */
  vias?: Via[];
  /** Tables whose rows, not only their counts, must stay as they were when a request is refused. */
  watch?: string[];
  /** Runs after each request, e.g. to move the clock past a rate-limit window. */
  after?: () => void;
}

export interface BodyEndpoint {
  method: "POST" | "PATCH";
  route: string;
  runs: number;
  setup(t: TestApp): Promise<Target> | Target;
}

/** A plausible name, or one of the hostile strings (some of which are blank, so refused). */
export const text = (max: number) =>
  fc.oneof(fc.string({ minLength: 1, maxLength: Math.min(max, 40) }), fc.constantFrom(...HOSTILE_STRINGS));
// After the test clock's "now" (2026-03-02), so that a closing date is accepted.
export const isoDateTime = fc
  .date({ min: new Date("2026-04-01"), max: new Date("2031-01-01"), noInvalidDate: true })
  .map((d) => d.toISOString());
export const isoDay = isoDateTime.map((d) => d.slice(0, 10));
export const password = fc.string({ minLength: 12, maxLength: 40 });
/** Addresses zod's email check accepts, with the odd one it should not. */
export const email = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.stringMatching(/^[a-z0-9]([a-z0-9'+_-]{0,10}[a-z0-9])?$/), fc.constantFrom("example.org", "zorg.nl"))
      .map(([local, domain]) => `${local}@${domain}`),
    weight: 4,
  },
  { arbitrary: fc.emailAddress(), weight: 1 },
);

/** The world most endpoints need: a network, its facilitator, an admin. */
export function world(t: TestApp) {
  const cast = makeCast(t.deps);
  return { cast, admin: credentialsFor(t, cast.admin.user.id), facilitator: credentialsFor(t, cast.facilitator.user.id) };
}

/** Signing in, one's own password and tokens, and administering users. */
export const ACCOUNT_ENDPOINTS: BodyEndpoint[] = [
  {
    method: "POST",
    route: "/auth/login",
    runs: 60,
    setup(t) {
      const { admin } = world(t);
      const user = makeUser(t.deps);
      const valid = fc.record({
        email: fc.constantFrom(user.email, user.email.toUpperCase(), "nobody@example.org"),
        password: fc.constantFrom(TEST_PASSWORD, "not the password"),
      });
      // 30 sign-ins per 10 minutes per client: 21 s apart stays under the limit, so the checks are reached.
      return { path: "/api/v1/auth/login", valid, who: admin, after: () => t.clock.advance(21_000) };
    },
  },
  {
    method: "POST",
    route: "/auth/password",
    runs: 50,
    setup(t) {
      const { facilitator } = world(t);
      const valid = fc.record({ current: fc.constantFrom("not the password", TEST_PASSWORD), new: password });
      return { path: "/api/v1/auth/password", valid, who: facilitator, vias: ["bearer"], watch: ["users"] };
    },
  },
  {
    method: "POST",
    route: "/auth/tokens",
    runs: 100,
    setup: (t) => ({ path: "/api/v1/auth/tokens", valid: fc.record({ name: text(100) }), who: world(t).facilitator }),
  },
  {
    method: "POST",
    route: "/users",
    runs: 50,
    setup(t) {
      const valid = fc.record({ email, name: text(200), role: fc.constantFrom(...ROLES), password });
      return { path: "/api/v1/users", valid, who: world(t).admin };
    },
  },
  {
    method: "PATCH",
    route: "/users/:id",
    runs: 60,
    setup(t) {
      const { admin } = world(t);
      const victim = makeUser(t.deps);
      const valid = fc.record({ name: text(200), role: fc.constantFrom(...ROLES), active: fc.boolean(), password }, { requiredKeys: [] });
      return { path: `/api/v1/users/${victim.id}`, valid, who: admin, watch: ["users", "sessions"] };
    },
  },
];
