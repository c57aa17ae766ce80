// Reading a round's connections answers from storage as the map's reports. Each table is counted
// on its own, in SQL: a record, a level and a rating share no key, so nothing here could join them.
import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import { connectionLevels, connectionRatings, connectionRecords, type RoundRow, roundOrganisations } from "../db/schema";
import type { Db } from "../lib/db";
import type { LevelReport, MapReports, RatingReport } from "./map-inputs";
import type { MapOrganisation } from "./types";

/** The organisations a round asked about, as snapshotted when it opened, in their survey order. */
export function roundOrganisationList(db: Db, roundId: string): MapOrganisation[] {
  return db
    .select({ id: roundOrganisations.organisationId, name: roundOrganisations.name, type: roundOrganisations.type })
    .from(roundOrganisations)
    .where(eq(roundOrganisations.roundId, roundId))
    .orderBy(asc(roundOrganisations.position))
    .all();
}

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
  return { organisations: roundOrganisationList(db, round.id), respondents, levels, ratings, minResponses: round.minResponses };
}
