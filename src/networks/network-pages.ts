import { Hono } from "hono";
import { z } from "zod";
import { authorizeNetwork } from "../auth/access";
import type { Actor } from "../auth/actor";
import { GRANT_ROLES, STAGES } from "../db/schema";
import type { AppEnv, Deps } from "../lib/app-env";
import { AppError } from "../lib/errors";
import { formErrors, formFields, type PageContext, page, signedInActor, zodFormErrors } from "../lib/pages";
import { isTimeZone } from "../lib/time-zone";
import { createGrant, deleteGrant, listGrants } from "./grants";
import { type FormValues, type NetworkRow, networkPageModel, type Relation } from "./network-model";
import { updateNetwork } from "./service";

const NOTICES: Record<string, string> = {
  updated: "The network was saved.",
  granted: "Access was given. They see the network the next time they open netmirror.",
  revoked: "Access was removed.",
};

// The page's own form schemas: the API's schemas, with messages that read well after a label.
const EditForm = z.object({
  name: z.string().trim().min(1, "is required").max(200, "must be 200 characters or fewer"),
  description: z.string().trim().max(2000, "must be 2,000 characters or fewer"),
  stage: z.enum(STAGES, "must be one of the listed stages"),
  timeZone: z.string().refine(isTimeZone, "must be one of the listed time zones"),
});
const GrantForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, "is required")
    .pipe(z.email("must be an email address, like name@example.org").max(254))
    .transform((e) => e.toLowerCase()),
  role: z.enum(GRANT_ROLES, "must be colleague or commissioner"),
});
const EDIT_LABELS = { name: "Name", description: "Description", stage: "Stage", timeZone: "Time zone" };
const GRANT_LABELS = { email: "Email", role: "Access" };

type NetworkAccess = { network: NetworkRow; relation: Relation };
type ShowExtra = FormValues & { notice?: string } & Partial<ReturnType<typeof formErrors>>;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The network page: details, who has access, editing and giving access. */
export function networkDetailPages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  const show = (c: PageContext, actor: Actor, access: NetworkAccess, extra: ShowExtra = {}, status: 200 | 400 = 200) =>
    page(c, views, "network", { ...networkPageModel(deps, actor, access.network, access.relation, extra), ...extra }, status);

  app.get("/networks/:id", (c) => {
    const actor = signedInActor(c);
    const access = authorizeNetwork(db, actor, c.req.param("id"), "view");
    return show(c, actor, access, { notice: NOTICES[c.req.query("done") ?? ""] });
  });

  app.post("/networks/:id", async (c) => {
    const actor = signedInActor(c);
    const access = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    const fields = await formFields(c);
    const parsed = EditForm.safeParse({
      name: fields.name ?? "",
      description: fields.description ?? "",
      stage: fields.stage,
      // A form without the field (an older page) keeps the zone.
      timeZone: fields.timeZone ?? access.network.timeZone,
    });
    if (!parsed.success) return show(c, actor, access, { edit: fields, ...zodFormErrors(parsed.error, EDIT_LABELS) }, 400);
    updateNetwork(deps, actor, access.network, parsed.data);
    return c.redirect(`/networks/${access.network.id}?done=updated`, 303);
  });

  app.post("/networks/:id/grants", async (c) => {
    const actor = signedInActor(c);
    const access = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    const fields = await formFields(c);
    const grant = { email: fields.email, role: fields.role };
    const parsed = GrantForm.safeParse(grant);
    if (!parsed.success) return show(c, actor, access, { grant, ...zodFormErrors(parsed.error, GRANT_LABELS) }, 400);
    try {
      createGrant(deps, actor, access.network.id, parsed.data);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== "invalid_input" && err.code !== "conflict")) throw err;
      // createGrant names the field it refuses (email or role); a conflict is about the person.
      const details = err.details ?? [{ field: "email", message: err.message }];
      return show(
        c,
        actor,
        access,
        { grant, ...formErrors(details.map((d) => ({ field: d.field, message: capitalise(d.message) }))) },
        400,
      );
    }
    return c.redirect(`/networks/${access.network.id}?done=granted`, 303);
  });

  app.post("/networks/:id/grants/:grantId/delete", (c) => {
    const actor = signedInActor(c);
    const { network } = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    const own = listGrants(db, network.id).find((g) => g.id === c.req.param("grantId"))?.userId === actor.userId;
    deleteGrant(deps, actor, network.id, c.req.param("grantId"));
    // Someone who removed their own access may no longer see the network.
    return c.redirect(own ? "/" : `/networks/${network.id}?done=revoked`, 303);
  });

  return app;
}
