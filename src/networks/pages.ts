import { Hono } from "hono";
import { requireGlobal } from "../auth/access";
import { STAGES } from "../db/schema";
import type { AppEnv, Deps } from "../lib/app-env";
import { formFields, page, signedInActor, zodFormErrors } from "../lib/pages";
import { defaultTimeZone } from "../lib/time-zone";
import { preferredLanguage } from "../survey/lang";
import { ACCESS_LABELS, STAGE_LABELS } from "./labels";
import { timeZoneOptions } from "./network-model";
import { networkDetailPages } from "./network-pages";
import { CreateNetworkSchema } from "./schemas";
import { createNetwork, listNetworks } from "./service";

// Other features import the labels from here.
export { STAGE_LABELS } from "./labels";

const stageOptions = (selected = "forming") => STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s], selected: s === selected }));

/** The home page (networks the user may see), creating a network, and each network's page. */
export function networkPages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  const home = (c: Parameters<typeof page>[0], extra: Record<string, unknown> = {}, status: 200 | 400 = 200) => {
    const actor = signedInActor(c);
    return page(
      c,
      views,
      "home",
      {
        title: "Networks",
        networks: listNetworks(db, actor).map((n) => ({ ...n, stageLabel: STAGE_LABELS[n.stage], accessLabel: ACCESS_LABELS[n.access] })),
        canCreate: actor.role !== "commissioner",
        stages: stageOptions(),
        // A Dutch-speaking browser most likely creates a Dutch network.
        timeZones: timeZoneOptions(defaultTimeZone(preferredLanguage(c.req.header("accept-language")))),
        ...extra,
      },
      status,
    );
  };

  app.get("/", (c) => home(c));

  app.post("/networks", async (c) => {
    // Commissioners create nothing: the same rule as POST /api/v1/networks.
    const actor = requireGlobal(c.get("actor"), "createNetwork");
    const fields = await formFields(c);
    const parsed = CreateNetworkSchema.safeParse({
      name: fields.name,
      description: fields.description || undefined,
      stage: fields.stage,
      timeZone: fields.timeZone || undefined,
    });
    if (!parsed.success)
      return home(
        c,
        {
          values: fields,
          stages: stageOptions(fields.stage),
          timeZones: timeZoneOptions(fields.timeZone ?? ""),
          ...zodFormErrors(parsed.error, { name: "Name", stage: "Stage", description: "Description", timeZone: "Time zone" }),
        },
        400,
      );
    const network = createNetwork(deps, actor, parsed.data);
    return c.redirect(`/networks/${network.id}`, 303);
  });

  app.route("/", networkDetailPages(deps));

  return app;
}
