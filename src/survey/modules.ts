import { asc, eq } from "drizzle-orm";
import { type RoundOrganisationRow, type RoundRow, roundOrganisations } from "../db/schema";
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
