import type { TestApp } from "./app";

export const ORIGIN = "http://localhost";

export interface CallOptions {
  /** Session cookie value, from `login()`. */
  cookie?: string;
  /** API token, sent as a bearer. */
  token?: string;
  headers?: Record<string, string>;
  /** Leave out the Origin header a browser would send (to test CSRF). */
  noOrigin?: boolean;
}

/**
 * Calls the app like a browser or script would: JSON in, JSON out, with the session cookie and the
 * same-origin `Origin` header a browser sends on unsafe requests.
 */
export async function call(t: Pick<TestApp, "app">, method: string, path: string, body?: unknown, options: CallOptions = {}) {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (body !== undefined && typeof body !== "string") headers["Content-Type"] ??= "application/json";
  if (options.cookie) headers.Cookie = `nm_session=${options.cookie}`;
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (!options.noOrigin && method !== "GET") headers.Origin ??= ORIGIN;
  const res = await t.app.request(`${ORIGIN}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back
  return { status: res.status, headers: res.headers, text, json: json as any };
}

/** Posts an HTML form as a browser would. */
export async function postForm(t: Pick<TestApp, "app">, path: string, fields: Record<string, string>, options: CallOptions = {}) {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html", ...options.headers };
  if (options.cookie) headers.Cookie = `nm_session=${options.cookie}`;
  if (!options.noOrigin) headers.Origin ??= ORIGIN;
  const res = await t.app.request(`${ORIGIN}${path}`, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Fetches a page as a browser would. */
export async function getPage(t: Pick<TestApp, "app">, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { Accept: "text/html", ...options.headers };
  if (options.cookie) headers.Cookie = `nm_session=${options.cookie}`;
  const res = await t.app.request(`${ORIGIN}${path}`, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The session cookie's value from a Set-Cookie header. */
export function sessionCookie(headers: Headers): string | undefined {
  return /nm_session=([^;]+)/.exec(headers.get("set-cookie") ?? "")?.[1];
}
