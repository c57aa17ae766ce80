import { Hono } from "hono";
import { authorizeNetwork } from "../auth/access";
import { MESSAGES } from "../i18n/organisations";
import type { AppEnv, Deps } from "../lib/app-env";
import { formFields, type PageContext, page, signedInActor } from "../lib/pages";
import { editPages } from "./edit-pages";
import { nameTakenError, parseOrganisationForm } from "./form";
import { type FormState, listModel, listPath } from "./organisations-model";
import { langOf, organisationOf } from "./page-access";
import { rosterPages } from "./roster-pages";
import { createOrganisation, updateOrganisation } from "./service";

/** The organisations page: the list, adding one, deactivating and reactivating; changing and deleting in edit-pages. */
export function organisationPages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  const show = (c: PageContext, network: Parameters<typeof listModel>[1], form: FormState = {}, status: 200 | 400 | 409 = 200) => {
    const lang = langOf(c);
    const t = MESSAGES[lang];
    const done = c.req.query("done");
    const notice = done === "imported" ? t.imported(Number.parseInt(c.req.query("count") ?? "0", 10) || 0) : t.notices[done ?? ""];
    return page(c, views, "organisations/list", { ...listModel(db, network, lang, notice, form), errorTitle: t.errorTitle }, status);
  };

  app.get("/networks/:id/organisations", (c) => {
    const actor = signedInActor(c);
    return show(c, authorizeNetwork(db, actor, c.req.param("id"), "manage").network);
  });

  app.post("/networks/:id/organisations", async (c) => {
    const actor = signedInActor(c);
    const { network } = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    const lang = langOf(c);
    const fields = await formFields(c);
    const values = { name: fields.name ?? "", type: fields.type ?? "" };
    const parsed = parseOrganisationForm(fields, lang);
    if (!parsed.ok) return show(c, network, { values, ...parsed.errors }, 400);
    try {
      createOrganisation(deps, actor, network.id, parsed.data);
    } catch (err) {
      return show(c, network, { values, ...nameTakenError(err, lang) }, 409);
    }
    return c.redirect(listPath(network.id, lang, "&done=added"), 303);
  });

  app.post("/networks/:id/organisations/:organisationId/active", async (c) => {
    const actor = signedInActor(c);
    const { network, row } = organisationOf(deps, c);
    const active = (await formFields(c)).active === "true";
    updateOrganisation(deps, actor, row, { active });
    return c.redirect(listPath(network.id, langOf(c), `&done=${active ? "reactivated" : "deactivated"}`), 303);
  });

  app.route("/", editPages(deps));
  app.route("/", rosterPages(deps));
  return app;
}
