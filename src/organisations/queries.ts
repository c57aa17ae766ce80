import { and, asc, count, eq } from "drizzle-orm";
import { type OrganisationRow, organisations, type RoundOrganisationRow, roundOrganisations as snapshots } from "../db/schema";
import type { Db } from "../lib/db";
import type { OrganisationView } from "./schemas";

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Name order, as people read a list: case and accents aside, "Practice 2" before "Practice 10"; then by id, so the order is total. */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Two names that a person would call the same: case and surrounding space aside. */
export const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase("en") === b.trim().toLocaleLowerCase("en");

export function organisationView(row: OrganisationRow, usedByRounds: number): OrganisationView {
  return {
    id: row.id,
    networkId: row.networkId,
    name: row.name,
    type: row.type,
    active: row.active,
    usedByRounds,
    createdAt: row.createdAt.toISOString(),
  };
}

/** How many rounds asked about an organisation. */
export function roundsUsing(db: Db, organisationId: string): number {
  return db.select({ n: count() }).from(snapshots).where(eq(snapshots.organisationId, organisationId)).get()?.n ?? 0;
}

/** A network's organisations in name order, each with how many rounds used it. */
export function listOrganisations(db: Db, networkId: string): OrganisationView[] {
  const rows = db
    .select({ organisation: organisations, used: count(snapshots.roundId) })
    .from(organisations)
    .leftJoin(snapshots, eq(snapshots.organisationId, organisations.id))
    .where(eq(organisations.networkId, networkId))
    .groupBy(organisations.id)
    .all();
  return rows.map((r) => organisationView(r.organisation, r.used)).sort(byName);
}

/** One organisation by id, whatever its network (the caller checks access through its networkId). */
export function findOrganisation(db: Db, id: string): OrganisationRow | undefined {
  return db.select().from(organisations).where(eq(organisations.id, id)).get();
}

/** A network's active organisations in name order: what a round with the connections module asks about. */
export function activeOrganisations(db: Db, networkId: string): OrganisationRow[] {
  return db
    .select()
    .from(organisations)
    .where(and(eq(organisations.networkId, networkId), eq(organisations.active, true)))
    .all()
    .sort(byName);
}

/**
 * The organisations a round would ask about if it opened now: the network's active ones as
 * snapshot rows, positions 0, 1, 2 … in name order. Opening copies exactly these; a draft's
 * preview shows them in place of the copy it does not have yet.
 */
export function plannedRoundOrganisations(db: Db, round: { id: string; networkId: string }): RoundOrganisationRow[] {
  return activeOrganisations(db, round.networkId).map((o, position) => ({
    roundId: round.id,
    organisationId: o.id,
    position,
    name: o.name,
    type: o.type,
  }));
}

/** How many active organisations a network has (the connections module needs at least 3). */
export function countActiveOrganisations(db: Db, networkId: string): number {
  return (
    db
      .select({ n: count() })
      .from(organisations)
      .where(and(eq(organisations.networkId, networkId), eq(organisations.active, true)))
      .get()?.n ?? 0
  );
}

/**
 * The organisations a round asks about, as copied when it opened, in their positions (0, 1, 2 …):
 * what the survey lists, what stored answers refer to and what the map draws. Empty for a round
 * without the connections module or not opened yet.
 * @example roundOrganisations(db, round.id).map((o) => o.name)
 */
export function roundOrganisations(db: Db, roundId: string): RoundOrganisationRow[] {
  return db.select().from(snapshots).where(eq(snapshots.roundId, roundId)).orderBy(asc(snapshots.position)).all();
}
