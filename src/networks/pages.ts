import { Hono } from "hono";
import { authorizeNetwork, mayOnNetwork } from "../auth/access";
import { STAGES } from "../db/schema";
import type { AppEnv, Deps } from "../lib/app-env";
import { formFields, loginRedirect, page, pageActor, zodFormErrors } from "../lib/pages";
import { CreateNetworkSchema } from "./schemas";
import { createNetwork, getNetworkView, listNetworks } from "./service";

export const STAGE_LABELS: Record<(typeof STAGES)[number], string> = {
  forming: "Forming (start-up)",
  developing: "Developing",
  established: "Established",
  renewing: "Renewing",
};

const stageOptions = (selected = "forming") => STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s], selected: s === selected }));

/** The home page (networks the user may see) and creating a network. */
export function networkPages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  const home = (c: Parameters<typeof page>[0], extra: Record<string, unknown> = {}, status: 200 | 400 = 200) => {
    const actor = c.get("actor");
    if (!actor) return loginRedirect(c);
    return page(
      c,
      views,
      "home",
      { title: "Networks", networks: listNetworks(db, actor), canCreate: actor.role !== "commissioner", stages: stageOptions(), ...extra },
      status,
    );
  };

  app.get("/", (c) => home(c));

  app.post("/networks", async (c) => {
    const actor = pageActor(c);
    if (!actor) return loginRedirect(c);
    const fields = await formFields(c);
    const parsed = CreateNetworkSchema.safeParse({ name: fields.name, description: fields.description || undefined, stage: fields.stage });
    if (!parsed.success)
      return home(c, { values: fields, ...zodFormErrors(parsed.error, { name: "Name", stage: "Stage", description: "Description" }) }, 400);
    const network = createNetwork(deps, actor, parsed.data);
    return c.redirect(`/networks/${network.id}`, 303);
  });

  app.get("/networks/:id", (c) => {
    const actor = pageActor(c);
    if (!actor) return loginRedirect(c);
    const { network, relation } = authorizeNetwork(db, actor, c.req.param("id"), "view");
    return page(c, views, "network", {
      title: network.name,
      network: { ...getNetworkView(db, actor, network), stageLabel: STAGE_LABELS[network.stage] },
      canManage: mayOnNetwork(relation, "manage"),
    });
  });

  return app;
}
