import fc from "fast-check";
import { createApiToken } from "../../src/auth/tokens";
import type { Db } from "../../src/lib/db";
import type { TestApp } from "../support/app";
import { sessionFor } from "../support/factories";
import { call } from "../support/http";

/** What came back from one fuzzed request. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

/** Both ways a user can be signed in: a session cookie and a personal API token. */
export interface Credentials {
  cookie: string;
  token: string;
}

export type Via = "cookie" | "bearer";
export const via: fc.Arbitrary<Via> = fc.constantFrom("cookie", "bearer");

/** A session cookie and an API token for a user. */
export function credentialsFor(t: TestApp, userId: string): Credentials {
  return { cookie: sessionFor(t.deps, userId), token: createApiToken(t.db, t.clock, userId, "fuzz").token };
}

/** Sends `body` (already text) as JSON with the caller's cookie or bearer token. */
export function sendJson(t: TestApp, method: string, path: string, body: string | undefined, who: Credentials | undefined, how: Via) {
  const auth = who ? (how === "cookie" ? { cookie: who.cookie } : { token: who.token }) : {};
  const headers: Record<string, string> = body === undefined ? {} : { "Content-Type": "application/json" };
  return call(t, method, path, body, { ...auth, headers });
}

const describeReply = (res: Reply) => `${res.status} ${res.text.slice(0, 500)}`;
const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0;

function fail(res: Reply, why: string): never {
  throw new Error(`${why}: ${describeReply(res)}`);
}

/**
 * The contract every API answer keeps: never a 5xx; a 4xx is `{"error":{code,message,details?,requestId}}`
 * with non-empty strings, the request id echoed in `X-Request-Id`; a 400 names at least one field.
 */
export function expectApiContract(res: Reply): void {
  if (res.status >= 500) fail(res, "server error");
  if (res.status < 400) return;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    fail(res, "4xx body is not JSON");
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!error || typeof error !== "object") fail(res, "4xx body has no error object");
  if (!nonEmpty(error.code) || !nonEmpty(error.message) || !nonEmpty(error.requestId)) fail(res, "error lacks code, message or requestId");
  if (res.headers.get("X-Request-Id") !== error.requestId) fail(res, "requestId differs from X-Request-Id");
  const details = error.details;
  if (details !== undefined) {
    const ok =
      Array.isArray(details) && details.every((d: { field?: unknown; message?: unknown }) => nonEmpty(d.field) && nonEmpty(d.message));
    if (!ok) fail(res, "details are not a list of {field, message}");
  }
  if (res.status === 400 && !(Array.isArray(details) && details.length > 0)) fail(res, "400 without details naming a field");
}

/**
 * What the database holds, for "nothing stored on rejection": the row count of every table, and
 * every row of the tables in `contentsOf` (for PATCH, where a count would not see a change).
 */
export function storedState(db: Db, contentsOf: readonly string[] = []): string {
  const client = db.$client;
  const tables = client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
    )
    .pluck()
    .all() as string[];
  const counts = tables.map((name) => `${name}=${(client.prepare(`select count(*) from "${name}"`).pluck().get() as number) ?? 0}`);
  const rows = contentsOf.map((name) => JSON.stringify(client.prepare(`select * from "${name}" order by rowid`).all()));
  return [...counts, ...rows].join("\n");
}

/** Fails when the database changed although the request was refused. */
export function expectNothingStored(res: Reply, before: string, after: string): void {
  if (res.status >= 200 && res.status < 300) return;
  if (before !== after) fail(res, `stored something although refused\n--- before\n${before}\n--- after\n${after}`);
}
