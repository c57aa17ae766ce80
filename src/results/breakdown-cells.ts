// Which figures of one column of a breakdown (one theme, or the temperature, across the buckets)
// may be shown. A bucket can be big enough while few of its members answered a theme: a group of
// 5 in which one person answered the value statements must not show that person's value score.
// And the round's own figure for the theme is shown, so the figures left out must together hold
// no fewer than minResponses respondents either, or total minus shown would isolate them.
import { enoughBehind } from "./threshold";

/**
 * Given how many respondents have a score in each bucket of one column, which buckets may show
 * their figure: each needs minResponses behind it, and the hidden ones together need none or at
 * least minResponses (the smallest shown one is hidden too, first in order on a tie, until so).
 * @example hideSmallCells([5, 6, 1], 5) // [false, true, false]: 5 is hidden with the 1 (5 + 1 = 6)
 */
export function hideSmallCells(counts: readonly number[], minResponses: number): boolean[] {
  const shown = counts.map((n) => enoughBehind(n, minResponses));
  let hidden = counts.reduce((sum, n, b) => (shown[b] ? sum : sum + n), 0);
  while (hidden > 0 && !enoughBehind(hidden, minResponses)) {
    const smallest = smallestShown(counts, shown);
    if (smallest < 0) break;
    shown[smallest] = false;
    hidden += counts[smallest] ?? 0;
  }
  return shown;
}

function smallestShown(counts: readonly number[], shown: readonly boolean[]): number {
  let index = -1;
  counts.forEach((n, b) => {
    if (shown[b] && (index < 0 || n < (counts[index] ?? 0))) index = b;
  });
  return index;
}
