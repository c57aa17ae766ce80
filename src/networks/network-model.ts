import { count, eq } from "drizzle-orm";
import { mayOnNetwork } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { NetworkRow } from "../db/schema";
import { GRANT_ROLES, type GrantRole, members, STAGES, type Stage } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { formatterFor } from "../lib/format";
import { TIME_ZONES } from "../lib/time-zone";
import { zoneLabel } from "../lib/zoned-time";
import { countActiveOrganisations } from "../organisations/queries";
import { networkRoundsSection } from "../rounds/network-rounds-model";
import { listGrants } from "./grants";
import { ACCESS_LABELS, GRANT_ROLE_LABELS, STAGE_LABELS } from "./labels";

export type Relation = "admin" | GrantRole;

function memberCount(db: Db, networkId: string): number {
  return db.select({ n: count() }).from(members).where(eq(members.networkId, networkId)).get()?.n ?? 0;
}

/** The time zones a form offers, with the network's (or the typed one) selected. */
export const timeZoneOptions = (selected: string) => TIME_ZONES.map((zone) => ({ value: zone, selected: zone === selected }));

/** What the edit form shows: what was typed (after an error) or the network as it is. */
export interface EditValues {
  name?: string;
  description?: string;
  stage?: string;
  timeZone?: string;
}

/** Values typed into the page's forms, shown again after an error. */
export interface FormValues {
  edit?: EditValues;
  grant?: { email?: string; role?: string };
}

/**
 * Everything `pages/network.hbs` shows. Managers get the roster size, who has access and the
 * forms; commissioners get the read-only part only. The rounds part comes from the rounds feature.
 */
export function networkPageModel(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  network: NetworkRow,
  relation: Relation,
  values: FormValues = {},
) {
  const { db, clock } = deps;
  const canManage = mayOnNetwork(relation, "manage");
  const edit = values.edit ?? network;
  const manage = canManage
    ? {
        memberCount: formatterFor("en").count(memberCount(db, network.id)),
        activeOrganisations: formatterFor("en").count(countActiveOrganisations(db, network.id)),
        grants: listGrants(db, network.id).map((g) => ({ ...g, roleLabel: ACCESS_LABELS[g.role], isYou: g.userId === actor.userId })),
        edit,
        stages: STAGES.map((s: Stage) => ({ value: s, label: STAGE_LABELS[s], selected: s === edit.stage })),
        timeZones: timeZoneOptions(edit.timeZone ?? network.timeZone),
        grantForm: {
          email: values.grant?.email ?? "",
          roles: GRANT_ROLES.map((r) => ({ value: r, label: GRANT_ROLE_LABELS[r], selected: r === (values.grant?.role ?? "facilitator") })),
        },
      }
    : undefined;
  return {
    title: network.name,
    network: {
      id: network.id,
      name: network.name,
      description: network.description,
      stageLabel: STAGE_LABELS[network.stage],
      timeZone: zoneLabel(network.timeZone, clock.now()),
    },
    accessLabel: ACCESS_LABELS[relation],
    canManage,
    manage,
    ...networkRoundsSection(deps, actor, network, canManage),
  };
}
export type { NetworkRow } from "../db/schema";
