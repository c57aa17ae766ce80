import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { BodyData } from "hono/utils/body";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import type { AppEnv } from "./app-env";
import { AppError, type ErrorDetail } from "./errors";
import type { Views } from "./html";
import { zodDetails } from "./validation";

export type PageContext = Context<AppEnv>;

/**
 * The signed-in actor of a staff page. Staff routers are mounted behind `signedInPages`
 * (src/auth/sign-in.ts), which has already sent a signed-out visitor to the login page; a page
 * reached without it answers 401 rather than run for nobody.
 */
export function signedInActor(c: PageContext): Actor {
  const actor = c.get("actor");
  if (!actor) throw new AppError("unauthorized", "Sign in to see this page");
  return actor;
}

/** The login page, coming back to this address (and its query) after signing in. */
export function loginRedirect(c: PageContext): Response {
  const next = c.req.path + (new URL(c.req.url).search || "");
  return c.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
}

/** Form errors as templates want them: a summary list and a message per field. */
export function formErrors(details: ErrorDetail[]) {
  const errorsByField: Record<string, string> = {};
  for (const d of details) errorsByField[d.field] ??= d.message;
  return { errors: details.map((d) => ({ field: d.field, message: d.message })), errorsByField };
}

/** Errors of a zod parse of a form, with messages a person can act on. */
export function zodFormErrors(error: z.ZodError, labels: Record<string, string> = {}) {
  return formErrors(zodDetails(error).map((d) => ({ field: d.field, message: `${labels[d.field] ?? d.field} ${d.message}` })));
}

/** Renders a page in the main layout with the actor for the header. */
export function page(c: PageContext, views: Views, name: string, data: Record<string, unknown>, status: 200 | 400 | 404 | 409 | 410 = 200) {
  return c.html(views.render(name, { actor: c.get("actor"), ...data }), status);
}

/**
 * The body of a form post (urlencoded or multipart). A body its Content-Type does not describe
 * (`multipart/form-data` without a boundary, a broken multipart body) is the client's mistake: a 400
 * naming the body, not a 500.
 * @example const { file } = await formBody(c);
 */
export async function formBody(c: PageContext): Promise<BodyData> {
  try {
    return await c.req.parseBody();
  } catch (err) {
    if (err instanceof HTTPException) throw err;
    throw new AppError("invalid_input", "body: could not be read as a form", {
      details: [{ field: "body", message: "could not be read as a form" }],
    });
  }
}

/** Reads an urlencoded or multipart form as plain strings (files and repeated keys ignored). */
export async function formFields(c: PageContext): Promise<Record<string, string>> {
  const body = await formBody(c);
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));
}
