// How a change since the previous round is worded: its signed delta, an arrow, and whether it is notable.

import type { Messages } from "../../i18n/report";
import type { Formatter } from "../../lib/format";
import { MISSING } from "../../lib/format";
import type { PublicChange } from "../../results/shown-scores";

/** p values below this are written "p < 0.001": three decimals would print a misleading "p = 0.000". */
export const SMALLEST_P = 0.001;

export interface ChangeText {
  /** "+2.5", or "–" without an earlier round. */
  delta: string;
  /** "unlikely to be chance (p = 0.012)" or "not clearly beyond chance"; empty without an earlier round. */
  note: string;
  /** "up", "down" or "none": the template colours notable changes by it (better and worse, never a warning colour). */
  direction: "up" | "down" | "none";
  /** ▲ for up, ▼ for down, so that the direction reads without colour (grey print, colour blindness). */
  symbol: "▲" | "▼" | "";
  notable: boolean;
}

/** Words a p value: "p = 0.012", or "p < 0.001" for one that rounds to 0.000. */
export function describeP(p: number, m: Messages, f: Formatter): string {
  return p < SMALLEST_P ? m.change.pBelow(f.p(SMALLEST_P)) : m.change.withP(f.p(p));
}

/** Words a change from the results; never computes one. Higher scores are always better. */
export function describeChange(change: PublicChange | undefined, m: Messages, f: Formatter): ChangeText {
  if (!change || change.delta === null) return { delta: MISSING, note: "", direction: "none", symbol: "", notable: false };
  const p = change.p === null ? "" : ` (${describeP(change.p, m, f)})`;
  const direction = change.delta > 0 ? "up" : change.delta < 0 ? "down" : "none";
  return {
    delta: f.delta(change.delta),
    note: change.notable ? `${m.change.notable}${p}` : `${m.change.notClear}${p}`,
    direction,
    symbol: direction === "up" ? "▲" : direction === "down" ? "▼" : "",
    notable: change.notable,
  };
}
