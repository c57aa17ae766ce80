import { Hono } from "hono";
import type { OrganisationRow } from "../db/schema";
import { MESSAGES } from "../i18n/organisations";
import type { Lang } from "../instrument";
import type { AppEnv, Deps } from "../lib/app-env";
import { formFields, type PageContext, page } from "../lib/pages";
import { nameTakenError, parseOrganisationForm } from "./form";
import { type FormState, frame, listPath } from "./organisations-model";
import { langOf, organisationOf } from "./page-access";
import { roundsUsing } from "./queries";
import { deleteOrganisation, updateOrganisation } from "./service";
import { organisationTypeOptions } from "./types";

/** Changing an organisation's name and type, and deleting it (deactivating it when a round used it), each on a page of its own. */
export function editPages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  const base = (network: { id: string; name: string }, row: OrganisationRow) => `/networks/${network.id}/organisations/${row.id}`;

  const showEdit = (
    c: PageContext,
    access: ReturnType<typeof organisationOf>,
    lang: Lang,
    form: FormState = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const { network, row } = access;
    const t = MESSAGES[lang];
    const values = { name: form.values?.name ?? row.name, type: form.values?.type ?? row.type };
    return page(
      c,
      views,
      "organisations/edit",
      {
        ...frame(network, lang, `${base(network, row)}/edit`),
        title: t.editTitle(row.name),
        heading: t.editTitle(row.name),
        errorTitle: t.errorTitle,
        organisation: { id: row.id, name: row.name },
        action: `${base(network, row)}/edit?lang=${lang}`,
        ...form,
        values,
        types: organisationTypeOptions(lang, values.type),
      },
      status,
    );
  };

  app.get("/networks/:id/organisations/:organisationId/edit", (c) => {
    return showEdit(c, organisationOf(deps, c), langOf(c));
  });

  app.post("/networks/:id/organisations/:organisationId/edit", async (c) => {
    const access = organisationOf(deps, c);
    const lang = langOf(c);
    const fields = await formFields(c);
    const values = { name: fields.name ?? "", type: fields.type ?? "" };
    const parsed = parseOrganisationForm(fields, lang);
    if (!parsed.ok) return showEdit(c, access, lang, { values, ...parsed.errors }, 400);
    try {
      updateOrganisation(deps, access.actor, access.row, parsed.data);
    } catch (err) {
      return showEdit(c, access, lang, { values, ...nameTakenError(err, lang) }, 409);
    }
    return c.redirect(listPath(access.network.id, lang, "&done=updated"), 303);
  });

  // No JavaScript confirm(): deleting asks on a page of its own, which says whether it will be deactivated instead.
  app.get("/networks/:id/organisations/:organisationId/delete", (c) => {
    const { network, row } = organisationOf(deps, c);
    const lang = langOf(c);
    const t = MESSAGES[lang];
    const used = roundsUsing(db, row.id);
    const heading = used > 0 ? t.deactivateTitle(row.name) : t.deleteTitle(row.name);
    return page(c, views, "organisations/delete", {
      ...frame(network, lang, `${base(network, row)}/delete`),
      title: heading,
      heading,
      text: used > 0 ? t.deactivateText(used) : t.deleteText,
      button: used > 0 ? t.deactivate : t.delete,
      action: `${base(network, row)}/delete?lang=${lang}`,
      organisation: { name: row.name },
    });
  });

  app.post("/networks/:id/organisations/:organisationId/delete", (c) => {
    const { actor, network, row } = organisationOf(deps, c);
    const { result } = deleteOrganisation(deps, actor, row);
    return c.redirect(listPath(network.id, langOf(c), `&done=${result === "deleted" ? "deleted" : "kept"}`), 303);
  });

  return app;
}
