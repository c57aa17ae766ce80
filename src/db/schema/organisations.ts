import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { networks } from "./networks";
import { rounds } from "./rounds";

/**
 * A member organisation of a network: what the connections module asks about. `type` is one of the
 * instrument's organisation types. An organisation a round has used is deactivated, never deleted,
 * so that the round's map keeps its names.
 */
export const organisations = sqliteTable(
  "organisations",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    type: text("type").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("organisations_network_name_idx").on(t.networkId, t.name)],
);

/**
 * The most organisations a round can ask about: a sealed response holds a fixed-size slot for each
 * (src/survey/payload.ts), and 100 is well past the 60 a large network names.
 */
export const MAX_ROUND_ORGANISATIONS = 100;

/** An organisation as stored. */
export type OrganisationRow = typeof organisations.$inferSelect;

/**
 * The organisations a round asks about, copied from the network's active ones when it opens: the
 * survey, the stored answers and the map all refer to this list, whatever happens to the network's
 * list later. `position` (0, 1, 2 …) is the organisation's place in the list, which is how a
 * sealed response refers to it.
 */
export const roundOrganisations = sqliteTable(
  "round_organisations",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    type: text("type").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.organisationId] }),
    uniqueIndex("round_organisations_position_idx").on(t.roundId, t.position),
  ],
);

/** A round's organisation as snapshotted when it opened. */
export type RoundOrganisationRow = typeof roundOrganisations.$inferSelect;

// The connections answers, stored apart from the response they came with and apart from each other
// (issue: the network map). Written in the same shuffled batches as responses (src/survey/pool.ts),
// each table in its own random order, all WITHOUT ROWID with random ids (see the migration), so
// that neither an id nor the order of rows joins a record, a level or a rating to a response, to
// each other, or to the moment it was written.

/** One respondent's answer to "Which organisation do you mainly work for?" (null: not listed / prefer not to say). */
export const connectionRecords = sqliteTable(
  "connection_records",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id"),
  },
  (t) => [index("connection_records_round_idx").on(t.roundId)],
);

/** One reported working relationship: a respondent of `fromOrganisationId` says how they work with `toOrganisationId` (1–4). */
export const connectionLevels = sqliteTable(
  "connection_levels",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    fromOrganisationId: text("from_organisation_id").notNull(),
    toOrganisationId: text("to_organisation_id").notNull(),
    level: integer("level").notNull(),
  },
  (t) => [index("connection_levels_round_idx").on(t.roundId)],
);

/**
 * One rating of a partner (trust and value, 1–4, either may be missing). It holds the partner and
 * nothing else: not who rated, not from which organisation, no id shared with a level or a record.
 */
export const connectionRatings = sqliteTable(
  "connection_ratings",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id").notNull(),
    trust: integer("trust"),
    value: integer("value"),
  },
  (t) => [index("connection_ratings_round_idx").on(t.roundId)],
);
