// Which themes are strongest and weakest, and where members are most divided: orderings of the
// results' own figures, nothing recomputed.
import type { ShownRoundResults } from "../../results/labelled-results";

type Theme = ShownRoundResults["themes"][number];
type Item = Theme["items"][number];

export interface DividedItem {
  theme: Theme;
  item: Item & { sd: number };
}

/**
 * The two highest and the two lowest scored themes (ties keep instrument order). The weakest are
 * picked from the themes not already among the strongest, so a theme never appears in both.
 * @example rankThemes(results.themes).weakest[0].code // the lowest scored theme
 */
export function rankThemes(themes: readonly Theme[], count = 2): { strongest: Theme[]; weakest: Theme[] } {
  const scored = themes.filter((t): t is Theme & { score: number } => t.score !== null);
  const strongest = [...scored].sort((a, b) => b.score - a.score).slice(0, count);
  const rest = scored.filter((t) => !strongest.includes(t));
  const weakest = [...rest].sort((a, b) => a.score - b.score).slice(0, count);
  return { strongest, weakest };
}

/** The shown statements with the largest spread (sd), largest first; statements everyone answered alike are not "divided". */
export function mostDivided(themes: readonly Theme[], count = 3): DividedItem[] {
  const items: DividedItem[] = [];
  for (const theme of themes) {
    for (const item of theme.items) {
      if (item.shown && typeof item.sd === "number" && item.sd > 0) items.push({ theme, item: { ...item, sd: item.sd } });
    }
  }
  return items.sort((a, b) => b.item.sd - a.item.sd).slice(0, count);
}

export interface RankedItem {
  theme: Theme;
  item: Item & { score: number };
}

/**
 * The two highest and two lowest scored shown statements (0–100, ties keep instrument order); the
 * weakest are picked from the rest, so a statement never appears in both.
 * @example rankItems(results.themes).strongest[0].item.text
 */
export function rankItems(themes: readonly Theme[], count = 2): { strongest: RankedItem[]; weakest: RankedItem[] } {
  const scored: RankedItem[] = [];
  for (const theme of themes) {
    for (const item of theme.items) {
      if (item.shown && typeof item.score === "number") scored.push({ theme, item: { ...item, score: item.score } });
    }
  }
  const strongest = [...scored].sort((a, b) => b.item.score - a.item.score).slice(0, count);
  const rest = scored.filter((s) => !strongest.includes(s));
  const weakest = [...rest].sort((a, b) => a.item.score - b.item.score).slice(0, count);
  return { strongest, weakest };
}
