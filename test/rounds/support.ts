import { createTestApp, type TestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { call } from "../support/http";

export type Cast = ReturnType<typeof makeCast>;
export type Who = "anonymous" | "admin" | "facilitator" | "otherFacilitator" | "commissioner" | "otherCommissioner" | "deactivated";

/** Every member of the access matrix, in order. */
export const EVERYONE: Who[] = [
  "anonymous",
  "admin",
  "facilitator",
  "otherFacilitator",
  "commissioner",
  "otherCommissioner",
  "deactivated",
];

/** Expected status per person for a route that needs `manage` (ok: its success status). */
export const manageMatrix = (ok: number): Record<Who, number> => ({
  anonymous: 401,
  admin: ok,
  facilitator: ok,
  otherFacilitator: 404,
  commissioner: 403,
  otherCommissioner: 404,
  deactivated: 401,
});

/** Expected status per person for a route that needs `view`. */
export const viewMatrix = (ok: number): Record<Who, number> => ({ ...manageMatrix(ok), commissioner: ok });

/** Calls the app as one member of the cast. */
export function callAs(t: TestApp, cast: Cast, who: Who, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const cookie = who === "anonymous" ? undefined : cast[who].cookie;
  return call(t, method, path, body, { cookie, headers });
}

/** A fresh app, its cast, and a shortcut for calling as the network's facilitator. */
export function setup(now?: string) {
  const t = createTestApp({ now });
  const cast = makeCast(t);
  const asFacilitator = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    callAs(t, cast, "facilitator", method, path, body, headers);
  return { t, cast, asFacilitator };
}
