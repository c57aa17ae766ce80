import { and, eq, isNotNull } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { RoundRow } from "../db/schema";
import { networks, rounds } from "../db/schema";
import { recordAudit } from "../lib/audit";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { newToken } from "../lib/ids";

type Deps = { db: Db; clock: Clock };

/**
 * Publishes a closed round's members' mirror at an unguessable link (128 random bits). Publishing
 * a published mirror keeps its link, so a second click breaks nothing that was shared.
 */
export function publishMirror(deps: Deps, actor: Actor, round: RoundRow): string {
  if (round.status !== "closed") throw new AppError("conflict", "The members' mirror can be published once the round has closed");
  if (round.mirrorSlug) return round.mirrorSlug;
  const slug = newToken();
  deps.db.update(rounds).set({ mirrorSlug: slug }).where(eq(rounds.id, round.id)).run();
  recordAudit(deps.db, deps.clock, { userId: actor.userId, action: "mirror.publish", targetType: "round", targetId: round.id });
  return slug;
}

/** Unpublishes the mirror: its link answers 404 at once; publishing again makes a new link. */
export function unpublishMirror(deps: Deps, actor: Actor, round: RoundRow): void {
  if (!round.mirrorSlug) return;
  deps.db.update(rounds).set({ mirrorSlug: null }).where(eq(rounds.id, round.id)).run();
  recordAudit(deps.db, deps.clock, { userId: actor.userId, action: "mirror.unpublish", targetType: "round", targetId: round.id });
}

/** The closed round published at `slug`, with its network; undefined for anything else. */
export function findPublishedMirror(db: Db, slug: string): { round: RoundRow; network: typeof networks.$inferSelect } | undefined {
  const row = db
    .select({ round: rounds, network: networks })
    .from(rounds)
    .innerJoin(networks, eq(networks.id, rounds.networkId))
    .where(and(isNotNull(rounds.mirrorSlug), eq(rounds.mirrorSlug, slug), eq(rounds.status, "closed")))
    .get();
  return row ?? undefined;
}
