import type { RoundOrganisationRow, RoundRow } from "../db/schema";
import type { Db } from "../lib/db";
import { plannedRoundOrganisations, roundOrganisations } from "../organisations/queries";
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
  const organisations = wanted.includes("connections") ? roundOrganisations(db, round.id) : [];
  return { modules: { organisations: organisations.length, maturity: wanted.includes("maturity") }, organisations };
}

/**
 * The modules as the preview shows them. A round still in draft has no snapshot yet: the preview
 * shows the organisations opening it now would copy, in the same order.
 */
export function previewModules(db: Db, round: Pick<RoundRow, "id" | "modules" | "status" | "networkId">): RoundModules {
  const found = roundModules(db, round);
  if (round.status !== "draft" || !(round.modules ?? []).includes("connections") || found.organisations.length > 0) return found;
  const planned = plannedRoundOrganisations(db, round);
  return { modules: { ...found.modules, organisations: planned.length }, organisations: planned };
}
