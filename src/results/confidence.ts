// How far a round's figures can be trusted. A high response rate from a handful of people is still
// a handful of people, so the rule asks for both a rate and a number of respondents; an open link
// has no rate, so only the number counts, and it must be larger.

export type Confidence = "high" | "moderate" | "low";

/** The thresholds of confidenceOf, for the texts that state the rule. */
export const CONFIDENCE_RULE = {
  invited: { high: { rate: 80, n: 20 }, moderate: { rate: 65, n: 10 } },
  open: { high: { n: 30 }, moderate: { n: 15 } },
} as const;

/**
 * The confidence of a round with `n` respondents and an unrounded response rate in percent (null
 * for an open link, which has no rate): high from 80 % and 20 respondents, moderate from 65 % and
 * 10; for an open link high from 30 respondents, moderate from 15; otherwise low.
 * @example confidenceOf(85, 19) // "moderate"
 */
export function confidenceOf(rate: number | null, n: number): Confidence {
  if (rate === null) {
    const { high, moderate } = CONFIDENCE_RULE.open;
    return n >= high.n ? "high" : n >= moderate.n ? "moderate" : "low";
  }
  const { high, moderate } = CONFIDENCE_RULE.invited;
  if (rate >= high.rate && n >= high.n) return "high";
  return rate >= moderate.rate && n >= moderate.n ? "moderate" : "low";
}
