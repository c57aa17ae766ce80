import { and, eq, inArray } from "drizzle-orm";
import { type GrantRole, grants, networks, type Role, rounds } from "../db/schema";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import type { Actor } from "./actor";

/**
 * What someone may do with a network:
 * - `view`: see the network, its rounds' progress and aggregate results (commissioners too);
 * - `comments`: read members' comments (never commissioners);
 * - `manage`: change the network, its roster, rounds, grants, comments and actions.
 */
export type NetworkPermission = "view" | "comments" | "manage";

const ALLOWED: Record<"admin" | GrantRole, readonly NetworkPermission[]> = {
  admin: ["view", "comments", "manage"],
  facilitator: ["view", "comments", "manage"],
  commissioner: ["view"],
};

/** What a global role may do outside any one network. */
const GLOBAL: Record<"createNetwork" | "manageUsers" | "manageMail", readonly Role[]> = {
  createNetwork: ["admin", "facilitator"],
  manageUsers: ["admin"],
  // The outbox's state, resuming it, and the demo's captured messages (which hold links).
  manageMail: ["admin"],
};

/** 401 unless someone is signed in. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthorized", "Please sign in");
  return actor;
}

/** 401 or 403 unless the actor's global role allows `what`. */
export function requireGlobal(actor: Actor | null, what: keyof typeof GLOBAL): Actor {
  const signedIn = requireActor(actor);
  if (!GLOBAL[what].includes(signedIn.role)) throw new AppError("forbidden", "Your role does not allow this");
  return signedIn;
}

/** The actor's relation to a network: admin, their grant's role, or none. */
export function networkRelation(db: Db, actor: Actor, networkId: string): "admin" | GrantRole | null {
  if (actor.role === "admin") return "admin";
  const grant = db
    .select({ role: grants.role })
    .from(grants)
    .where(and(eq(grants.networkId, networkId), eq(grants.userId, actor.userId)))
    .get();
  return grant?.role ?? null;
}

/**
 * The one access check for everything inside a network. Throws 401 when nobody is signed in, 404
 * when the network does not exist *or* the actor may not see it (never reveal that it exists), and
 * 403 when they may see it but not do this.
 */
export function authorizeNetwork(db: Db, actor: Actor | null, networkId: string, need: NetworkPermission) {
  const signedIn = requireActor(actor);
  const network = db.select().from(networks).where(eq(networks.id, networkId)).get();
  const relation = network ? networkRelation(db, signedIn, network.id) : null;
  if (!network || !relation) throw new AppError("not_found", "Network not found");
  if (!ALLOWED[relation].includes(need)) throw new AppError("forbidden", "You may see this network but not do this");
  return { actor: signedIn, network, relation };
}

/**
 * `authorizeNetwork` for many networks in one query, for comparisons across hundreds of them. The
 * whole request fails if any one fails: 404 when any does not exist or may not be seen (the message
 * never says which), then 403 when any may be seen but not `need`. Networks come back in `ids` order.
 */
export function authorizeNetworks(db: Db, actor: Actor | null, ids: readonly string[], need: NetworkPermission) {
  const signedIn = requireActor(actor);
  const rows = db
    .select({ network: networks, grantRole: grants.role })
    .from(networks)
    .leftJoin(grants, and(eq(grants.networkId, networks.id), eq(grants.userId, signedIn.userId)))
    .where(inArray(networks.id, [...ids]))
    .all();
  const byId = new Map(
    rows.map((r) => [r.network.id, { network: r.network, relation: signedIn.role === "admin" ? "admin" : r.grantRole }]),
  );
  const found = ids.map((id) => byId.get(id));
  const seen = found.filter((f): f is { network: typeof networks.$inferSelect; relation: "admin" | GrantRole } => Boolean(f?.relation));
  if (seen.length !== ids.length) throw new AppError("not_found", "Network not found");
  if (seen.some((f) => !ALLOWED[f.relation].includes(need))) throw new AppError("forbidden", "You may see these networks but not do this");
  return { actor: signedIn, networks: seen };
}

/**
 * The same check for something that belongs to a network (a round, an action, a comment): not
 * seeing the network means not seeing the thing either, so the 404 names the thing.
 */
export function authorizeWithin(db: Db, actor: Actor | null, networkId: string | undefined, need: NetworkPermission, what: string) {
  const signedIn = requireActor(actor);
  if (!networkId) throw new AppError("not_found", `${what} not found`);
  try {
    return authorizeNetwork(db, signedIn, networkId, need);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") throw new AppError("not_found", `${what} not found`);
    throw err;
  }
}

/** The access check for a round, through the network it belongs to. */
export function authorizeRound(db: Db, actor: Actor | null, roundId: string, need: NetworkPermission) {
  requireActor(actor);
  const round = db.select().from(rounds).where(eq(rounds.id, roundId)).get();
  return { ...authorizeWithin(db, actor, round?.networkId, need, "Round"), round: round as NonNullable<typeof round> };
}

/** True when the actor may do `need` on the network; for showing or hiding buttons. */
export function mayOnNetwork(relation: "admin" | GrantRole | null, need: NetworkPermission): boolean {
  return relation !== null && ALLOWED[relation].includes(need);
}
