import type { Context } from "hono";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import type { AppEnv } from "./app-env";
import type { ErrorDetail } from "./errors";
import type { Views } from "./html";
import { zodDetails } from "./validation";

export type PageContext = Context<AppEnv>;

/** The signed-in actor, or undefined after sending the browser to the login page. */
export function pageActor(c: PageContext): Actor | undefined {
  return c.get("actor") ?? undefined;
}

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

/** Reads an urlencoded or multipart form as plain strings (files and repeated keys ignored). */
export async function formFields(c: PageContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));
}
