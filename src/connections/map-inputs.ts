// What the map is computed from: not whole records (storage keeps no such thing) but three
// counts that storage can give apart — respondents per organisation, the levels reported from one
// organisation about another, and the ratings each partner received with nobody's name on them.
import type { ConnectionLevel, ConnectionRecord, MapOrganisation, PartnerRating } from "./types";

/** `n` respondents of `from` reported working with `to` at `level`. */
export type LevelReport = { from: string; to: string; level: ConnectionLevel; n: number };
/** `n` ratings of the partner `org` with this trust and value (either may be missing). */
export type RatingReport = { org: string; trust: PartnerRating | null; value: PartnerRating | null; n: number };

export type MapReports = {
  organisations: MapOrganisation[];
  /** Connections records per organisation named; records naming none are left out (they do not count). */
  respondents: Array<{ org: string; n: number }>;
  levels: LevelReport[];
  ratings: RatingReport[];
  minResponses: number;
};

/** A rating is given only where a respondent works with the partner at least at this level. */
export const RATED_FROM_LEVEL = 2;

/**
 * Whole records (as the survey's answers and the reference fixture hold them) as the reports the
 * map needs: what storage keeps of them, with the rater dropped from each rating.
 *
 * @example mapFromReports(reportsOfRecords({ organisations, records, minResponses: 5 }))
 */
export function reportsOfRecords(input: {
  organisations: MapOrganisation[];
  records: ConnectionRecord[];
  minResponses: number;
}): MapReports {
  const respondents = new Map<string, number>();
  const levels: LevelReport[] = [];
  const ratings: RatingReport[] = [];
  for (const record of input.records) {
    if (record.org === null) continue;
    respondents.set(record.org, (respondents.get(record.org) ?? 0) + 1);
    for (const link of record.links) {
      if (link.org === record.org) continue;
      levels.push({ from: record.org, to: link.org, level: link.level, n: 1 });
      const trust = link.trust ?? null;
      const value = link.value ?? null;
      if (link.level >= RATED_FROM_LEVEL && (trust !== null || value !== null)) ratings.push({ org: link.org, trust, value, n: 1 });
    }
  }
  return {
    organisations: input.organisations,
    respondents: [...respondents].map(([org, n]) => ({ org, n })),
    levels,
    ratings,
    minResponses: input.minResponses,
  };
}
