import { and, asc, eq } from "drizzle-orm";
import { organisations as networkOrganisations, type RoundOrganisationRow, type RoundRow, roundOrganisations } from "../db/schema";
import type { Db } from "../lib/db";
import type { SurveyModules } from "./module-schemas";

/** What a round asks after the themes: its modules, and for connections the organisations it snapshotted. */
export interface RoundModules {
  modules: SurveyModules;
  /** The round's organisations in position order; empty when it does not ask the connections page. */
  organisations: RoundOrganisationRow[];
}

/**
 * The modules a round asks. The connections page needs the snapshot taken when the round opened:
 * a round with the module but no organisations (a draft, or a network without any) skips it.
 */
export function roundModules(db: Db, round: Pick<RoundRow, "id" | "modules">): RoundModules {
  const wanted = round.modules ?? [];
  const organisations = wanted.includes("connections")
    ? db.select().from(roundOrganisations).where(eq(roundOrganisations.roundId, round.id)).orderBy(asc(roundOrganisations.position)).all()
    : [];
  return { modules: { organisations: organisations.length, maturity: wanted.includes("maturity") }, organisations };
}

/**
 * The modules as the preview shows them. A round still in draft has no snapshot yet: the preview
 * shows the network's active organisations (by name) in its place, as opening now would ask them.
 */
export function previewModules(db: Db, round: Pick<RoundRow, "id" | "modules" | "status" | "networkId">): RoundModules {
  const found = roundModules(db, round);
  if (round.status !== "draft" || !(round.modules ?? []).includes("connections") || found.organisations.length > 0) return found;
  const active = db
    .select()
    .from(networkOrganisations)
    .where(and(eq(networkOrganisations.networkId, round.networkId), eq(networkOrganisations.active, true)))
    .orderBy(asc(networkOrganisations.name))
    .all();
  const stand = active.map((o, position) => ({ roundId: round.id, organisationId: o.id, position, name: o.name, type: o.type }));
  return { modules: { ...found.modules, organisations: stand.length }, organisations: stand };
}
