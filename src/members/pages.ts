import { Hono } from "hono";
import { authorizeNetwork } from "../auth/access";
import type { AppEnv, Deps } from "../lib/app-env";
import { attachment, fileSlug, toCsv } from "../lib/csv";
import { AppError, notFound } from "../lib/errors";
import { formErrors, formFields, page, signedInActor } from "../lib/pages";
import { importPages } from "./import-pages";
import { memberProblems } from "./import-preview";
import { renderRoster, rosterNotice } from "./roster-model";
import { NewMemberSchema } from "./schemas";
import { addMembers, findMember, listMembers, removeMember } from "./service";

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The roster pages: list, add one by hand, remove (with a confirm step), export; import lives in import-pages. */
export function memberPages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  app.get("/networks/:id/members", (c) => {
    const actor = signedInActor(c);
    const { network } = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    return renderRoster(c, deps, network, { notice: rosterNotice((k) => c.req.query(k)) });
  });

  app.post("/networks/:id/members", async (c) => {
    const actor = signedInActor(c);
    const { network } = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    const values = await formFields(c);
    const input = {
      name: values.name ?? "",
      email: values.email?.trim() || undefined,
      organisation: values.organisation?.trim() || undefined,
    };
    const parsed = NewMemberSchema.safeParse(input);
    if (!parsed.success) {
      const details = memberProblems(input, parsed.error).map((d) => ({ ...d, message: capitalise(d.message) }));
      return renderRoster(c, deps, network, { values, ...formErrors(details) }, 400);
    }
    try {
      addMembers(deps, actor, network.id, [parsed.data]);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== "invalid_input") throw err;
      const taken = [{ field: "email", message: "Someone with this email is already on the roster" }];
      return renderRoster(c, deps, network, { values, ...formErrors(taken) }, 400);
    }
    return c.redirect(`/networks/${network.id}/members?done=added`, 303);
  });

  // No JavaScript confirm(): removing is a page of its own, then a post.
  app.get("/networks/:id/members/:memberId/delete", (c) => {
    const actor = signedInActor(c);
    const { network } = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    const member = findMember(db, network.id, c.req.param("memberId"));
    if (!member) throw notFound("Member");
    return page(c, views, "members/remove", { title: `Remove ${member.name}`, network: { id: network.id, name: network.name }, member });
  });

  app.post("/networks/:id/members/:memberId/delete", (c) => {
    const actor = signedInActor(c);
    const { network } = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    removeMember(deps, actor, network.id, c.req.param("memberId"));
    return c.redirect(`/networks/${network.id}/members?done=removed`, 303);
  });

  app.get("/networks/:id/members.csv", (c) => {
    const actor = signedInActor(c);
    const { network } = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    const rows = listMembers(db, network.id).map((m) => [m.name, m.email ?? "", m.organisation]);
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", attachment(`${fileSlug(network.name, "network")}-members.csv`));
    // Names and emails: not for shared caches or the browser's back-forward store.
    c.header("Cache-Control", "no-store");
    return c.body(toCsv(["name", "email", "organisation"], rows));
  });

  app.route("/", importPages(deps));

  return app;
}
