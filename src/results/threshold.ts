// The one rule behind every figure users see: it needs at least minResponses respondents (or
// answers) behind it. Items, themes, the temperature, the 0–10 rating, the trend split and each
// cell of a breakdown all ask this.

/** True when a figure with `n` respondents behind it may be shown. @example enoughBehind(4, 5) // false */
export function enoughBehind(n: number, minResponses: number): boolean {
  return n >= minResponses;
}
