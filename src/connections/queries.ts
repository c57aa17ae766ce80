// Reading a round's connections answers from storage as the map's reports. Each table is counted
// on its own, in SQL: a record, a level and a rating share no key, so nothing here could join them.
import { and, count, eq, isNotNull } from "drizzle-orm";
import { connectionLevels, connectionRatings, connectionRecords, type RoundRow } from "../db/schema";
import type { Db } from "../lib/db";
import { roundOrganisations } from "../organisations/queries";
import type { LevelReport, MapReports, RatingReport } from "./map-inputs";
import type { MapOrganisation } from "./types";

/**
 * Everything the map of a round is computed from: its organisations, records per organisation
 * named (records naming none do not count), levels counted per (from, to, level) and ratings
 * counted per (partner, trust, value).
 */
export function loadMapReports(db: Db, round: Pick<RoundRow, "id" | "minResponses">): MapReports {
  const respondents = db
    .select({ org: connectionRecords.organisationId, n: count() })
    .from(connectionRecords)
    .where(and(eq(connectionRecords.roundId, round.id), isNotNull(connectionRecords.organisationId)))
    .groupBy(connectionRecords.organisationId)
    .all()
    .map(({ org, n }) => ({ org: org as string, n }));
  const levels = db
    .select({
      from: connectionLevels.fromOrganisationId,
      to: connectionLevels.toOrganisationId,
      level: connectionLevels.level,
      n: count(),
    })
    .from(connectionLevels)
    .where(eq(connectionLevels.roundId, round.id))
    .groupBy(connectionLevels.fromOrganisationId, connectionLevels.toOrganisationId, connectionLevels.level)
    .all() as LevelReport[];
  const ratings = db
    .select({ org: connectionRatings.organisationId, trust: connectionRatings.trust, value: connectionRatings.value, n: count() })
    .from(connectionRatings)
    .where(eq(connectionRatings.roundId, round.id))
    .groupBy(connectionRatings.organisationId, connectionRatings.trust, connectionRatings.value)
    .all() as RatingReport[];
  // The map knows an organisation by its own id; the snapshot keeps the name and type it had.
  const organisations: MapOrganisation[] = roundOrganisations(db, round.id).map((o) => ({
    id: o.organisationId,
    name: o.name,
    type: o.type,
  }));
  return { organisations, respondents, levels, ratings, minResponses: round.minResponses };
}
