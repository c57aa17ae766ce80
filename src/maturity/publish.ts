import type { RoundRow } from "../db/schema";
import type { Db } from "../lib/db";
import { frozenResults } from "../results/frozen";
import { closedRoundsBefore } from "../rounds/closed-rounds";
import { hasMaturity } from "./freeze";
import { maturityChange } from "./scoring";
import type { FrozenMaturity, PublishedMaturity } from "./types";

/** The most recent closed round of the network before `round` with frozen marks on the same matrix version. */
export function previousMaturityRound(db: Db, round: RoundRow, version: number): { round: RoundRow; maturity: FrozenMaturity } | undefined {
  for (const candidate of closedRoundsBefore(db, round).filter(hasMaturity)) {
    const maturity = frozenResults(db, candidate.id)?.maturity;
    if (maturity && maturity.version === version) return { round: candidate, maturity };
  }
  return undefined;
}

/** The matrix of a closed round as shown, or null for a round without it. */
export function publishMaturity(db: Db, round: RoundRow, frozen: FrozenMaturity | undefined): PublishedMaturity | null {
  if (!frozen) return null;
  const previous = previousMaturityRound(db, round, frozen.version);
  const changes = previous ? new Map(maturityChange(frozen.dimensions, previous.maturity.dimensions).map((c) => [c.code, c])) : null;
  return {
    version: frozen.version,
    previousRound: previous
      ? { id: previous.round.id, title: previous.round.title, closedAt: previous.round.closedAt?.toISOString() ?? null }
      : null,
    dimensions: frozen.dimensions.map((dimension) => {
      const change = changes?.get(dimension.code);
      return { ...dimension, change: change ? { current: change.current, target: change.target } : null };
    }),
  };
}
