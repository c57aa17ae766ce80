// "How to read this report": the scoring and anonymity rules in plain words.
import type { Formatter } from "../format";
import type { Messages } from "../messages";

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
        paragraphs: [
          ...h.anonymity(min),
          withheld === null ? h.commentsSuppressed : h.comments(f.count(withheld), withheld),
          m.confidenceRule,
        ],
      },
      { title: h.changeTitle, paragraphs: h.change },
    ],
  };
}

export type HowToReadSection = ReturnType<typeof howToReadSection>;
