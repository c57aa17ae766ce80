import { Hono } from "hono";
import { z } from "zod";
import { loginGuardFor } from "../lib/abuse";
import type { AppEnv, Deps } from "../lib/app-env";
import { AppError } from "../lib/errors";
import { formErrors, formFields, loginRedirect, page, pageActor, zodFormErrors } from "../lib/pages";
import { passwordSchema } from "../users/schemas";
import { clearSessionCookie, setSessionCookie } from "./cookie";
import { changePassword, login } from "./login";
import { safeNext } from "./safe-next";
import { endSession } from "./sessions";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens";

const LoginForm = z.object({
  email: z.string().trim().min(1, "is required"),
  password: z.string().min(1, "is required"),
  next: z.string().optional(),
});
const PasswordForm = z
  .object({ current: z.string().min(1, "is required"), new: passwordSchema, confirm: z.string() })
  .refine((f) => f.new === f.confirm, { message: "does not match the new password", path: ["confirm"] });

/** The login form, signing out, and the account page (own password, API tokens). */
export function authPages(deps: Deps) {
  const { db, clock, config, views } = deps;
  const app = new Hono<AppEnv>();

  app.get("/login", (c) => {
    if (pageActor(c)) return c.redirect(safeNext(c.req.query("next")), 303);
    return page(c, views, "login", {
      title: "Sign in",
      next: c.req.query("next") ?? "/",
      notice: c.req.query("signedOut") ? "You have signed out." : undefined,
    });
  });

  app.post("/login", async (c) => {
    const fields = await formFields(c);
    const parsed = LoginForm.safeParse(fields);
    if (!parsed.success) {
      return page(
        c,
        views,
        "login",
        { title: "Sign in", next: fields.next, values: fields, ...zodFormErrors(parsed.error, { email: "Email", password: "Password" }) },
        400,
      );
    }
    try {
      loginGuardFor(deps)(c);
      const { token, expiresAt } = await login(deps, parsed.data);
      setSessionCookie(c, config, token, expiresAt);
      return c.redirect(safeNext(parsed.data.next), 303);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== "unauthorized" && err.code !== "rate_limited")) throw err;
      if (err.retryAfterSeconds) c.header("Retry-After", String(err.retryAfterSeconds));
      const errors = formErrors([{ field: "email", message: err.message }]);
      return c.html(
        views.render("login", { title: "Sign in", next: parsed.data.next, values: { email: parsed.data.email }, ...errors }),
        err.status as 401 | 429,
      );
    }
  });

  app.post("/logout", (c) => {
    const actor = c.get("actor");
    if (actor?.sessionId) endSession(db, actor.sessionId);
    clearSessionCookie(c, config);
    return c.redirect("/login?signedOut=1", 303);
  });

  const accountPage = (c: Parameters<typeof page>[0], userId: string, extra: Record<string, unknown> = {}, status: 200 | 400 = 200) =>
    page(c, views, "account", { title: "Your account", tokens: listApiTokens(db, userId), ...extra }, status);

  app.get("/account", (c) => {
    const actor = pageActor(c);
    if (!actor) return loginRedirect(c);
    return accountPage(c, actor.userId, { notice: c.req.query("done") === "token-revoked" ? "The token was revoked." : undefined });
  });

  app.post("/account/password", async (c) => {
    const actor = pageActor(c);
    if (!actor) return loginRedirect(c);
    const parsed = PasswordForm.safeParse(await formFields(c));
    if (!parsed.success)
      return accountPage(
        c,
        actor.userId,
        zodFormErrors(parsed.error, { current: "Current password", new: "New password", confirm: "Confirmation" }),
        400,
      );
    try {
      await changePassword(deps, actor.userId, parsed.data);
    } catch (err) {
      if (err instanceof AppError && err.code === "invalid_input")
        return accountPage(c, actor.userId, formErrors([{ field: "current", message: "Current password is not right" }]), 400);
      throw err;
    }
    clearSessionCookie(c, config);
    return c.redirect("/login?signedOut=1", 303);
  });

  app.post("/account/tokens", async (c) => {
    const actor = pageActor(c);
    if (!actor) return loginRedirect(c);
    const name = (await formFields(c)).name?.trim() ?? "";
    if (!name || name.length > 100)
      return accountPage(
        c,
        actor.userId,
        formErrors([{ field: "tokenName", message: "Token name is required (up to 100 characters)" }]),
        400,
      );
    const created = createApiToken(db, clock, actor.userId, name);
    return accountPage(c, actor.userId, { newToken: created });
  });

  app.post("/account/tokens/:id/revoke", (c) => {
    const actor = pageActor(c);
    if (!actor) return loginRedirect(c);
    revokeApiToken(db, clock, actor.userId, c.req.param("id"));
    return c.redirect("/account?done=token-revoked", 303);
  });

  return app;
}
