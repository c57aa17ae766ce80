import { Hono } from "hono";
import { z } from "zod";
import { ROLE_LABELS } from "../i18n/users";
import type { AppEnv, Deps } from "../lib/app-env";
import { AppError } from "../lib/errors";
import { formErrors, formFields, page, signedInActor, zodFormErrors } from "../lib/pages";
import { zodDetails } from "../lib/validation";
import { passwordSchema } from "../users/schemas";
import type { Actor } from "./actor";
import { clearSessionCookie, setSessionCookie } from "./cookie";
import { changePassword, login } from "./login";
import { safeNext } from "./safe-next";
import { endSession } from "./sessions";
import { TokenDaysField } from "./token-schemas";
import { type ApiTokenView, createApiToken, listApiTokens, revokeApiToken, TOKEN_DAYS, TOKEN_DAYS_DEFAULT } from "./tokens";

const LoginForm = z.object({
  email: z.string().trim().min(1, "is required"),
  password: z.string().min(1, "is required"),
  next: z.string().optional(),
});
const PasswordForm = z
  .object({ current: z.string().min(1, "is required"), new: passwordSchema, confirm: z.string() })
  .refine((f) => f.new === f.confirm, { message: "does not match the new password", path: ["confirm"] });

const TokenForm = z.object({
  name: z.string().trim().min(1, "is required").max(100, "is at most 100 characters"),
  expiresInDays: TokenDaysField,
});
// Errors point at the inputs' ids: the name's input is `tokenName` (the page has other names).
const TOKEN_FIELDS: Record<string, { id: string; label: string }> = {
  name: { id: "tokenName", label: "Token name" },
  expiresInDays: { id: "expiresInDays", label: "How long it works" },
};
const tokenFormErrors = (error: z.ZodError) =>
  formErrors(
    zodDetails(error).map((d) => {
      const field = TOKEN_FIELDS[d.field] ?? { id: d.field, label: d.field };
      return { field: field.id, message: `${field.label} ${d.message}` };
    }),
  );

/** A token as the account page lists it: days rather than moments, and one status word. */
function tokenRow(token: ApiTokenView) {
  const status = token.revoked ? "revoked" : token.expired ? "expired" : undefined;
  return { ...token, createdOn: token.createdAt.slice(0, 10), expiresOn: token.expiresAt.slice(0, 10), status };
}

/** The lifetimes to choose from, the one chosen (or the default) selected. */
function lifetimeChoices(values: unknown) {
  const chosen = Number((values as Record<string, string> | undefined)?.expiresInDays ?? TOKEN_DAYS_DEFAULT);
  return TOKEN_DAYS.map((days) => ({ days, selected: days === chosen }));
}

/** A signed-in person's role as people say it ("administrator", not "admin"). */
function roleLabelOf(actor: Actor | null | undefined): string | undefined {
  return actor ? ROLE_LABELS.en[actor.role] : undefined;
}

/** The login form, signing out, and the account page (own password, API tokens). */
export function authPages(deps: Deps) {
  const { db, clock, config, views } = deps;
  const app = new Hono<AppEnv>();

  app.get("/login", (c) => {
    if (c.get("actor")) return c.redirect(safeNext(c.req.query("next")), 303);
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
      deps.loginGuard(c);
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
    page(
      c,
      views,
      "account",
      {
        title: "Your account",
        // The account page is in English, like the other staff pages: the role in plain English words.
        roleLabel: roleLabelOf(c.get("actor")),
        tokens: listApiTokens(db, clock, userId).map(tokenRow),
        lifetimes: lifetimeChoices(extra.values),
        ...extra,
      },
      status,
    );

  app.get("/account", (c) => {
    const actor = signedInActor(c);
    return accountPage(c, actor.userId, { notice: c.req.query("done") === "token-revoked" ? "The token was revoked." : undefined });
  });

  app.post("/account/password", async (c) => {
    const actor = signedInActor(c);
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
    const actor = signedInActor(c);
    const fields = await formFields(c);
    const parsed = TokenForm.safeParse(fields);
    if (!parsed.success) return accountPage(c, actor.userId, { values: fields, ...tokenFormErrors(parsed.error) }, 400);
    const created = createApiToken(db, clock, actor.userId, parsed.data.name, parsed.data.expiresInDays);
    return accountPage(c, actor.userId, { newToken: { ...created, expiresOn: created.expiresAt.slice(0, 10) } });
  });

  app.post("/account/tokens/:id/revoke", (c) => {
    const actor = signedInActor(c);
    revokeApiToken(db, clock, actor.userId, c.req.param("id"));
    return c.redirect("/account?done=token-revoked", 303);
  });

  return app;
}
