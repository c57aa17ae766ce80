import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { ThemeCode } from "../../instrument/schema";
import { rounds } from "./rounds";

/**
 * One submitted questionnaire. Holds no token, invitation, member, address or user agent, and no
 * time at all: it is written in a batch of at least the round's minResponses (src/survey/pool.ts).
 * The table is WITHOUT ROWID (see the migration) so that not even SQLite's hidden row number records
 * the order of writing.
 */
export const responses = sqliteTable(
  "responses",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    overall: integer("overall"),
    trend: text("trend"),
    involvement: text("involvement"),
    organisationType: text("organisation_type"),
    professionalGroup: text("professional_group"),
    // The respondent's score per theme (0–100; null where they gave no valid answer in it), worked
    // out from the answers when they are stored: closing a round of 100,000 responses then reads
    // these instead of 2.5 million answers. Derived numbers; they identify no one.
    purposeScore: real("purpose_score"),
    relationshipsScore: real("relationships_score"),
    communicationScore: real("communication_score"),
    governanceScore: real("governance_score"),
    valueScore: real("value_score"),
  },
  // Scoring a round's responses.
  (t) => [index("responses_round_idx").on(t.roundId)],
);

/** The column that holds a respondent's score in each theme. */
export const themeScoreColumns = {
  purpose: responses.purposeScore,
  relationships: responses.relationshipsScore,
  communication: responses.communicationScore,
  governance: responses.governanceScore,
  value: responses.valueScore,
} as const satisfies Record<ThemeCode, unknown>;
