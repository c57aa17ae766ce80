// The results' own words, English and Dutch: the names of the groups a breakdown makes itself.

import type { Lang } from "../instrument";

/** Small groups merged into one, and those who skipped the question. */
export const GROUP_LABELS: Record<Lang, { other: string; notAnswered: string }> = {
  en: { other: "Other groups (combined)", notAnswered: "Not answered" },
  nl: { other: "Overige groepen (samengevoegd)", notAnswered: "Niet beantwoord" },
};
