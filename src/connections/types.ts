// What one respondent reports on the connections page, as the map's aggregation reads it.

/** How two organisations work together, as one respondent reported it: 1 aware … 4 integrate. */
export type ConnectionLevel = 1 | 2 | 3 | 4;
/** A trust or value rating, 1–4; given only from level 2 (cooperate) up. */
export type PartnerRating = 1 | 2 | 3 | 4;

export type MapOrganisation = { id: string; name: string; type: string };

/** One respondent's partner: the level, and from level 2 up the two optional ratings. */
export type ConnectionLink = { org: string; level: ConnectionLevel; trust?: PartnerRating | null; value?: PartnerRating | null };

/** One respondent's connections: the organisation they mainly work for (null: not listed / prefer not to say). */
export type ConnectionRecord = { org: string | null; links: ConnectionLink[] };
