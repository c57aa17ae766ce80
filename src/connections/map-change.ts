import { roundTo } from "../results/rounding";
import type { FigureChange, MapChange, MapPair, StoredNetworkMap } from "./frozen-map";

/** The difference of two shown figures, rounded as they are (nulls stay null). */
function figureChange(now: number | null, before: number | null, decimals: number): FigureChange {
  return { previous: before, delta: now === null || before === null ? null : roundTo(now - before, decimals) };
}

/**
 * What changed since an earlier map of the same network: ties gained and lost between the
 * organisations both rounds asked about (an organisation new to the network gains no "new" ties,
 * one that left loses none), the change in density, and in the network's trust and value. Null
 * when either map is suppressed: nothing is derived from a suppressed map.
 *
 * @example mapChange(now, before, previousRound.id)?.tiesGained.length
 */
export function mapChange(now: StoredNetworkMap, before: StoredNetworkMap, previousRoundId: string): MapChange | null {
  if (now.map.suppressed || before.map.suppressed) return null;
  const asked = new Set(now.organisations.map((org) => org.id));
  const inBoth = new Set(before.organisations.map((org) => org.id).filter((id) => asked.has(id)));
  const shared = (pair: MapPair) => inBoth.has(pair.a) && inBoth.has(pair.b);
  // Pairs keyed without order: a renamed organisation may swap which side of a pair it is on.
  const key = (pair: MapPair) => [pair.a, pair.b].sort().join("\u0000");
  const nowKeys = new Set(now.map.ties.map(key));
  const beforeKeys = new Set(before.map.ties.map(key));
  const pairOf = ({ a, b }: MapPair) => ({ a, b });
  return {
    previousRoundId,
    tiesGained: now.map.ties.filter((tie) => shared(tie) && !beforeKeys.has(key(tie))).map(pairOf),
    tiesLost: before.map.ties.filter((tie) => shared(tie) && !nowKeys.has(key(tie))).map(pairOf),
    density: figureChange(now.map.metrics.density, before.map.metrics.density, 3),
    trust: figureChange(now.map.metrics.trust.mean, before.map.metrics.trust.mean, 2),
    value: figureChange(now.map.metrics.value.mean, before.map.metrics.value.mean, 2),
  };
}
