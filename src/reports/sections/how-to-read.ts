// "How to read this report": the scoring, anonymity, change and confidence rules in plain words.

import type { ConfidenceRuleText, Messages } from "../../i18n/report";
import type { Formatter } from "../../lib/format";
import { CONFIDENCE_RULE } from "../../results/confidence";

/** The confidence rule's thresholds as the text states them, taken from the rule itself. */
function confidenceRuleText(f: Formatter): ConfidenceRuleText {
  const { invited, open } = CONFIDENCE_RULE;
  const rate = (x: number) => `${f.count(x)}%`;
  return {
    highRate: rate(invited.high.rate),
    highN: f.count(invited.high.n),
    moderateRate: rate(invited.moderate.rate),
    moderateN: f.count(invited.moderate.n),
    openHighN: f.count(open.high.n),
    openModerateN: f.count(open.moderate.n),
  };
}

/** `withheld` is null for a suppressed round, whose comments are never counted or shown. */
export function howToReadSection(minResponses: number, withheld: number | null, m: Messages, f: Formatter) {
  const h = m.howToRead;
  const min = f.count(minResponses);
  return {
    title: h.title,
    blocks: [
      { title: h.scoringTitle, paragraphs: h.scoring },
      {
        title: h.anonymityTitle,
        paragraphs: [...h.anonymity(min), withheld === null ? h.commentsSuppressed : h.comments({ n: withheld, text: f.count(withheld) })],
      },
      { title: h.changeTitle, paragraphs: h.change },
      { title: h.confidenceTitle, paragraphs: h.confidence(confidenceRuleText(f)) },
    ],
  };
}

export type HowToReadSection = ReturnType<typeof howToReadSection>;
