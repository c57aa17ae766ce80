import { Hono } from "hono";
import { z } from "zod";
import { requireGlobal } from "../auth/access";
import { ROLES } from "../db/schema";
import { ROLE_HINTS, ROLE_LABELS } from "../i18n/users";
import type { Lang } from "../instrument";
import type { AppEnv, Deps } from "../lib/app-env";
import { AppError } from "../lib/errors";
import { formErrors, formFields, page, zodFormErrors } from "../lib/pages";
import { preferredLanguage } from "../survey/lang";
import { CreateUserSchema, passwordSchema } from "./schemas";
import { createUser, listUsers, updateUser } from "./service";

const LABELS = { email: "Email", name: "Name", role: "Role", password: "Password" };
const NOTICES: Record<string, string> = {
  created: "The user was created. Tell them their email and password; they can change the password under Account.",
  deactivated: "The user was deactivated. Their sessions and API tokens stopped working.",
  activated: "The user was activated.",
  reset: "The password was reset. The user has been signed out everywhere.",
};

/** The administrator's user list: create, deactivate, reactivate, reset a password. */
export function userPages(deps: Deps) {
  const { views } = deps;
  const app = new Hono<AppEnv>();

  const render = (c: Parameters<typeof page>[0], extra: Record<string, unknown> = {}, status: 200 | 400 | 409 = 200) =>
    page(
      c,
      views,
      "admin/users",
      usersModel(c.get("actor")?.userId, preferredLanguage(c.req.header("accept-language")) ?? "en", extra),
      status,
    );

  /** The list with roles in plain words (in the reader's language), and no "Deactivate" on your own account. */
  const usersModel = (selfId: string | undefined, lang: Lang, extra: Record<string, unknown>) => {
    const selected = (extra.values as { role?: string } | undefined)?.role ?? "facilitator";
    return {
      title: "Users",
      roleLang: lang,
      users: listUsers(deps.db).map((u) => ({ ...u, roleLabel: ROLE_LABELS[lang][u.role], isYou: u.id === selfId })),
      roles: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[lang][r], hint: ROLE_HINTS[lang][r], selected: r === selected })),
      ...extra,
    };
  };

  // Only the users pages: the other administrators' pages (email) check their own rights.
  app.use("/admin/users/*", async (c, next) => {
    requireGlobal(c.get("actor"), "manageUsers");
    return next();
  });

  app.get("/admin/users", (c) => render(c, { notice: NOTICES[c.req.query("done") ?? ""] }));

  app.post("/admin/users", async (c) => {
    const actor = requireGlobal(c.get("actor"), "manageUsers");
    const fields = await formFields(c);
    const parsed = CreateUserSchema.safeParse({ email: fields.email, name: fields.name, role: fields.role, password: fields.password });
    if (!parsed.success) return render(c, { values: fields, ...zodFormErrors(parsed.error, LABELS) }, 400);
    try {
      await createUser(deps, parsed.data, actor.userId);
    } catch (err) {
      if (err instanceof AppError && err.code === "conflict")
        return render(c, { values: fields, ...formErrors([{ field: "email", message: err.message }]) }, 400);
      throw err;
    }
    return c.redirect("/admin/users?done=created", 303);
  });

  app.post("/admin/users/:id/active", async (c) => {
    const actor = requireGlobal(c.get("actor"), "manageUsers");
    const active = (await formFields(c)).active === "true";
    try {
      await updateUser(deps, c.req.param("id"), { active }, actor.userId);
    } catch (err) {
      // Your own account (the page offers no button for it): say why on the list, not a dead end.
      if (err instanceof AppError && err.code === "conflict") return render(c, formErrors([{ field: "users", message: err.message }]), 409);
      throw err;
    }
    return c.redirect(`/admin/users?done=${active ? "activated" : "deactivated"}`, 303);
  });

  app.post("/admin/users/:id/password", async (c) => {
    const actor = requireGlobal(c.get("actor"), "manageUsers");
    const parsed = z.object({ password: passwordSchema }).safeParse(await formFields(c));
    if (!parsed.success)
      return render(
        c,
        formErrors([{ field: `reset-${c.req.param("id")}`, message: `New password ${parsed.error.issues[0]?.message ?? "is not valid"}` }]),
        400,
      );
    await updateUser(deps, c.req.param("id"), { password: parsed.data.password }, actor.userId);
    return c.redirect("/admin/users?done=reset", 303);
  });

  return app;
}
