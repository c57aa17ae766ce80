// Reading a closed round's frozen values. Writing them (closing) is src/results/freeze.ts; keeping
// the two apart lets the change against the previous round read frozen values without importing
// the code that freezes them.
import { eq } from "drizzle-orm";
import { roundResults } from "../db/schema";
import type { Db } from "../lib/db";
import type { FrozenMaturity } from "../maturity/types";
import type { Published } from "./closing-results";
import type { RoundScores } from "./scoring";

/** What is kept of a closed round: its scores and how many were invited when it closed. */
export interface FrozenResults {
  scores: RoundScores;
  /** Links handed out when the round closed (removing a member later must not change the rate). */
  invited: number;
  /**
   * Responses that came through an open link (links made for no member, submitted): counted from
   * the links, since no response says how it came. Absent in results frozen before format 2.
   */
  openLinkResponses?: number;
  /** The maturity matrix scored, for a round that asked it and is not suppressed (results format 3 on). */
  maturity?: FrozenMaturity;
}

/** The figures a comparison shows for a round, exactly as the results endpoint shows them. */
export interface RoundSummary {
  n: number;
  responseRate: number | null;
  suppressed: boolean;
  overall: number | null;
  themes: Record<string, number | null> | null;
  /** Change of the temperature since the previous comparable round, as the results give it. */
  overallChange: { previousRoundId: string; delta: number | null; p: number | null; notable: boolean } | null;
  /** Where members put the network now: the current median per maturity dimension (null when not shown); null without the matrix. */
  maturity?: Record<string, number | null> | null;
}

function frozenColumn<K extends "scores" | "summary" | "published">(db: Db, roundId: string, column: K) {
  const row = db.select({ value: roundResults[column] }).from(roundResults).where(eq(roundResults.roundId, roundId)).get();
  return row?.value;
}

/** The frozen summary of a closed round (small), if it has one. */
export function frozenSummary(db: Db, roundId: string): RoundSummary | undefined {
  return frozenColumn(db, roundId, "summary");
}

/** The frozen, rounded results of a closed round (small), if it has them. */
export function frozenPublished(db: Db, roundId: string): Published | undefined {
  // Typed by its reader rather than in the schema: the type is derived from the scoring code.
  return frozenColumn(db, roundId, "published") as Published | undefined;
}

/** The frozen full, unrounded scores of a closed round, if it has them. */
export function frozenResults(db: Db, roundId: string): FrozenResults | undefined {
  return frozenColumn(db, roundId, "scores");
}
