// The conversation guide: the instrument's own conversation questions for the weakest themes and
// for the themes of the most divided statements, ordered by what the network's stage calls for.
import type { Stage } from "../../db/schema";
import type { Messages } from "../../i18n/report";
import type { LocalizedInstrument, ThemeCode } from "../../instrument";
import type { Formatter } from "../../lib/format";
import type { ShownRoundResults } from "../../results/labelled-results";
import { mostDivided, rankThemes } from "./ranking";

/**
 * The order in which a network at each stage best takes up its themes. The rule, from the source
 * material on network leadership:
 * - forming (start-up): first a shared purpose, then the early relationships that carry it;
 *   communication, governance and value follow once there is something to govern and show;
 * - developing: relationships and communication are being built, purpose still needs care;
 * - established: sustaining communication, governance and showing value come first; relationships
 *   and purpose, by now settled, follow;
 * - renewing: the network revisits why it exists and what it delivers (purpose, value) before
 *   reshaping how it decides, connects and talks.
 */
export const STAGE_ORDER: Record<Stage, readonly ThemeCode[]> = {
  forming: ["purpose", "relationships", "communication", "governance", "value"],
  developing: ["relationships", "communication", "purpose", "governance", "value"],
  established: ["communication", "governance", "value", "relationships", "purpose"],
  renewing: ["purpose", "value", "governance", "relationships", "communication"],
};

export function guideSection(results: ShownRoundResults, instrument: LocalizedInstrument, stage: Stage, m: Messages, f: Formatter) {
  const reasons = new Map<string, string[]>();
  const add = (code: string, reason: string) => reasons.set(code, [...(reasons.get(code) ?? []), reason]);
  for (const theme of rankThemes(results.themes).weakest) add(theme.code, m.guide.weakest(f.score(theme.score)));
  for (const { theme, item } of mostDivided(results.themes)) add(theme.code, m.guide.divided(item.text, f.twoDecimals(item.sd)));
  const order = STAGE_ORDER[stage];
  const rank = (code: string) => {
    const i = order.indexOf(code as ThemeCode);
    return i === -1 ? order.length : i;
  };
  const topics = [...reasons.keys()]
    .sort((a, b) => rank(a) - rank(b))
    .map((code) => {
      const theme = instrument.themes.find((t) => t.code === code);
      return { code, title: theme?.title ?? code, reasons: reasons.get(code) ?? [], questions: theme?.conversation ?? [] };
    });
  return { title: m.guide.title, intro: m.guide.intro(m.stage[stage]), none: topics.length === 0 ? m.guide.none : null, topics };
}

export type GuideSection = ReturnType<typeof guideSection>;
