// How a change since the previous round is worded: its signed delta, and whether it is notable.
import type { PublicChange } from "../../results/present";
import type { Formatter } from "../format";
import { MISSING } from "../format";
import type { Messages } from "../messages";

export interface ChangeText {
  /** "+2.5", or "–" without an earlier round. */
  delta: string;
  /** "unlikely to be chance (p = 0.012)" or "not clearly beyond chance"; empty without an earlier round. */
  note: string;
  /** "up", "down" or "none", for a quiet arrow in the template. */
  direction: "up" | "down" | "none";
  notable: boolean;
}

/** Words a change from the results; never computes one. */
export function describeChange(change: PublicChange | undefined, m: Messages, f: Formatter): ChangeText {
  if (!change || change.delta === null) return { delta: MISSING, note: "", direction: "none", notable: false };
  const p = change.p === null ? "" : ` (${m.change.withP(f.p(change.p))})`;
  return {
    delta: f.delta(change.delta),
    note: change.notable ? `${m.change.notable}${p}` : `${m.change.notClear}${p}`,
    direction: change.delta > 0 ? "up" : change.delta < 0 ? "down" : "none",
    notable: change.notable,
  };
}
