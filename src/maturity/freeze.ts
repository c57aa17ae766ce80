import type { RoundRow } from "../db/schema";
import type { Db } from "../lib/db";
import { MATURITY_V1 } from "./matrix-v1";
import { loadMaturityResponses } from "./queries";
import { scoreMaturity } from "./scoring";
import type { FrozenMaturity } from "./types";

/** True when members of the round were asked the maturity matrix. */
export function hasMaturity(round: Pick<RoundRow, "modules">): boolean {
  return (round.modules ?? []).includes("maturity");
}

/**
 * Scores a closing round's maturity marks under its threshold, to keep with its frozen results;
 * undefined for a round without the matrix. Call only for a round that is not suppressed (a
 * suppressed round's marks are deleted with its responses).
 */
export function scoreStoredMaturity(db: Db, round: RoundRow): FrozenMaturity | undefined {
  if (!hasMaturity(round)) return undefined;
  const codes = MATURITY_V1.dimensions.map((dimension) => dimension.code);
  return { version: MATURITY_V1.version, dimensions: scoreMaturity(loadMaturityResponses(db, round.id), codes, round.minResponses) };
}
