// The maturity matrix in comparisons: where members put each network now, as the median level per
// dimension frozen with the round (RoundSummary.maturity), null where too few answered.
import { z } from "@hono/zod-openapi";
import type { RoundSummary } from "../results/frozen";

export const MaturityMediansSchema = z
  .record(z.string(), z.number().int().min(1).max(4).nullable())
  .nullable()
  .openapi({
    description:
      "Where members put the network now: the median level (1 Emerging … 4 Thriving) per maturity dimension, null when fewer than " +
      "the threshold answered; null for a round without the maturity matrix or suppressed",
    example: { purpose: 3, governance: 2, value: null },
  });

/** A compared round's maturity medians from its frozen summary; null without the matrix or when suppressed. */
export function maturityMediansOf(summary: RoundSummary): Record<string, number | null> | null {
  return summary.suppressed ? null : (summary.maturity ?? null);
}
