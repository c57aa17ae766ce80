import { asc, eq, inArray } from "drizzle-orm";
import { networkRelation } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { NetworkRow } from "../db/schema";
import { grants, networks } from "../db/schema";
import { recordAudit } from "../lib/audit";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { newId } from "../lib/ids";
import { defaultTimeZone } from "../lib/time-zone";
import type { CreateNetworkInput, NetworkView, UpdateNetworkInput } from "./schemas";

export function networkView(row: NetworkRow, access: NetworkView["access"]): NetworkView {
  const { id, name, description, stage, timeZone } = row;
  return { id, name, description, stage, timeZone, createdAt: row.createdAt.toISOString(), access };
}

/** Creates a network; a facilitator who creates one becomes its facilitator. */
export function createNetwork(deps: { db: Db; clock: Clock }, actor: Actor, input: CreateNetworkInput): NetworkView {
  const { db, clock } = deps;
  return db.transaction((tx) => {
    const now = clock.now();
    const row = tx
      .insert(networks)
      .values({
        id: newId(),
        name: input.name,
        description: input.description ?? "",
        stage: input.stage ?? "forming",
        timeZone: input.timeZone ?? defaultTimeZone(input.language),
        createdAt: now,
      })
      .returning()
      .get();
    if (actor.role === "facilitator") {
      tx.insert(grants).values({ id: newId(), networkId: row.id, userId: actor.userId, role: "facilitator", createdAt: now }).run();
    }
    recordAudit(db, clock, { userId: actor.userId, action: "network.create", targetType: "network", targetId: row.id });
    return networkView(row, actor.role === "admin" ? "admin" : "facilitator");
  });
}

/** The networks an actor may see: all for admins, else those they hold a grant on. */
export function listNetworks(db: Db, actor: Actor): NetworkView[] {
  if (actor.role === "admin") {
    return db
      .select()
      .from(networks)
      .orderBy(asc(networks.name))
      .all()
      .map((n) => networkView(n, "admin"));
  }
  const mine = db.select({ networkId: grants.networkId, role: grants.role }).from(grants).where(eq(grants.userId, actor.userId)).all();
  if (mine.length === 0) return [];
  const roleOf = new Map(mine.map((g) => [g.networkId, g.role]));
  return db
    .select()
    .from(networks)
    .where(inArray(networks.id, [...roleOf.keys()]))
    .orderBy(asc(networks.name))
    .all()
    .map((n) => networkView(n, roleOf.get(n.id) ?? "commissioner"));
}

export function getNetworkView(db: Db, actor: Actor, row: NetworkRow): NetworkView {
  return networkView(row, networkRelation(db, actor, row.id) ?? "commissioner");
}

export function updateNetwork(deps: { db: Db; clock: Clock }, actor: Actor, row: NetworkRow, input: UpdateNetworkInput): NetworkView {
  const { db, clock } = deps;
  // Nothing to change (PATCH {}): answer with the network as it is; drizzle refuses an empty update.
  if (Object.keys(input).length === 0) return getNetworkView(db, actor, row);
  const updated = db.update(networks).set(input).where(eq(networks.id, row.id)).returning().get();
  recordAudit(db, clock, {
    userId: actor.userId,
    action: "network.update",
    targetType: "network",
    targetId: row.id,
    detail: { fields: Object.keys(input) },
  });
  return getNetworkView(db, actor, updated);
}
