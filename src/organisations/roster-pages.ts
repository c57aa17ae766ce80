import { Hono } from "hono";
import { authorizeNetwork } from "../auth/access";
import type { NetworkRow } from "../db/schema";
import { MESSAGES } from "../i18n/organisations";
import type { Lang } from "../instrument";
import type { AppEnv, Deps } from "../lib/app-env";
import { AppError } from "../lib/errors";
import { formatterFor } from "../lib/format";
import { formErrors, formFields, type PageContext, page, signedInActor } from "../lib/pages";
import { frame, listPath } from "./organisations-model";
import { langOf } from "./page-access";
import { rosterOrganisationNames } from "./roster-names";
import { type CreateOrganisationInput, CreateOrganisationSchema } from "./schemas";
import { addOrganisations } from "./service";
import { organisationTypeOptions } from "./types";

/** The most rows one post is read for: far more than a roster names, few enough to read cheaply. */
const MAX_ROWS = 2000;

/** What the form posted: the ticked rows as organisations to add, or null when a row is not what the form sends. */
function tickedRows(fields: Record<string, string>): CreateOrganisationInput[] | null {
  const ticked: CreateOrganisationInput[] = [];
  for (let i = 0; i < MAX_ROWS && fields[`name-${i}`] !== undefined; i++) {
    if (fields[`add-${i}`] !== "yes") continue;
    const parsed = CreateOrganisationSchema.safeParse({ name: fields[`name-${i}`], type: fields[`type-${i}`] });
    if (!parsed.success) return null;
    ticked.push(parsed.data);
  }
  return ticked;
}

/** "Add the organisations named in the roster": each new name with a type to check and a box to tick, added in one go. */
export function rosterPages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  const show = (c: PageContext, network: NetworkRow, lang: Lang, posted?: Record<string, string>, message?: string) => {
    const t = MESSAGES[lang];
    const { names, tooLong } = rosterOrganisationNames(db, network.id);
    const fmt = formatterFor(lang);
    // After a refusal, the boxes and types as they were posted (by name: the rows may have moved).
    const postedRow = new Map<string, { add: boolean; type?: string }>();
    for (let i = 0; posted && i < MAX_ROWS && posted[`name-${i}`] !== undefined; i++)
      postedRow.set(posted[`name-${i}`] ?? "", { add: posted[`add-${i}`] === "yes", type: posted[`type-${i}`] });
    return page(
      c,
      views,
      "organisations/from-roster",
      {
        ...frame(network, lang, `/networks/${network.id}/organisations/from-roster`),
        title: `${t.fromRosterTitle} · ${network.name}`,
        errorTitle: t.errorTitle,
        ...(message ? formErrors([{ field: "add-0", message }]) : {}),
        action: `/networks/${network.id}/organisations/from-roster?lang=${lang}`,
        tooLong: tooLong > 0 ? t.fromRosterTooLong(tooLong) : null,
        rows: names.map((n, i) => {
          const before = postedRow.get(n.name);
          return {
            index: i,
            name: n.name,
            members: fmt.count(n.members),
            checked: before ? before.add : true,
            addLabel: t.addOne(n.name),
            typeId: `type-${i}`,
            typeLabel: t.typeOf(n.name),
            types: organisationTypeOptions(lang, before?.type ?? n.type),
          };
        }),
      },
      message ? 400 : 200,
    );
  };

  app.get("/networks/:id/organisations/from-roster", (c) => {
    const actor = signedInActor(c);
    const { network } = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    return show(c, network, langOf(c));
  });

  app.post("/networks/:id/organisations/from-roster", async (c) => {
    const actor = signedInActor(c);
    const { network } = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    const lang = langOf(c);
    const t = MESSAGES[lang];
    const fields = await formFields(c);
    const ticked = tickedRows(fields);
    if (ticked === null) return show(c, network, lang, fields, t.fromRosterChanged);
    if (ticked.length === 0) return show(c, network, lang, fields, t.fromRosterNothing);
    try {
      addOrganisations(deps, actor, network.id, ticked);
    } catch (err) {
      // A name added meanwhile (in another tab, or by a colleague): nothing was added; show the list as it is now.
      if (!(err instanceof AppError) || err.code !== "conflict") throw err;
      return show(c, network, lang, fields, t.fromRosterChanged);
    }
    return c.redirect(listPath(network.id, lang, `&done=imported&count=${ticked.length}`), 303);
  });

  return app;
}
