// Each language's name, defined once: in itself, for the language switch (someone who cannot read
// the page's language still finds their own), and in English, for the facilitators' pages.

import type { Lang } from "../instrument";

const NAMES: Record<Lang, { own: string; english: string }> = {
  en: { own: "English", english: "English" },
  nl: { own: "Nederlands", english: "Dutch" },
};

/** Each language's name in itself, for language switches. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { en: NAMES.en.own, nl: NAMES.nl.own };

/** Each language's name for the facilitators' (English) pages, with its own name when that differs: "Dutch (Nederlands)". */
export const LANGUAGE_LABELS: Readonly<Record<Lang, string>> = {
  en: NAMES.en.english,
  nl: `${NAMES.nl.english} (${NAMES.nl.own})`,
};
