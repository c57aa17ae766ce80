import { organisations, roundOrganisations } from "../../src/db/schema";
import type { RoundModule } from "../../src/db/schema/rounds";
import { newId } from "../../src/lib/ids";
import type { TestApp } from "../support/app";
import { makeInvitation } from "../support/factories";
import { openSurvey } from "./helpers";

const TYPES = ["hospital", "primary_care", "community", "care_home", "mental_health", "social_care", "voluntary"];

/** `n` organisations of a network, snapshotted into `roundId` at positions 0 … n−1 (as opening a round does). */
export function snapshotOrganisations(t: TestApp, networkId: string, roundId: string, n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: newId(),
    networkId,
    name: `Organisation ${String(i + 1).padStart(3, "0")}`,
    type: TYPES[i % TYPES.length] ?? "other",
    createdAt: t.clock.now(),
  }));
  if (rows.length > 0) {
    t.db.insert(organisations).values(rows).run();
    t.db
      .insert(roundOrganisations)
      .values(rows.map((row, position) => ({ roundId, organisationId: row.id, position, name: row.name, type: row.type })))
      .run();
  }
  return rows;
}

/** An open round asking `modules`, with `organisations` snapshotted and one invited member (`token`). */
export function openModuleSurvey(t: TestApp, options: { modules?: RoundModule[]; organisations?: number; minResponses?: number } = {}) {
  const opened = openSurvey(t, { modules: options.modules ?? ["connections", "maturity"], minResponses: options.minResponses ?? 5 });
  const orgs = snapshotOrganisations(t, opened.network.id, opened.round.id, options.organisations ?? 6);
  return { ...opened, orgs };
}

/** Another link to the same round (for a second respondent). */
export function anotherLink(t: TestApp, roundId: string) {
  return makeInvitation(t.deps, roundId).token;
}
