import type { Lang } from "../instrument";

/** The locale each language formats numbers and dates in (British English, Dutch of the Netherlands). */
export const LOCALE: Readonly<Record<Lang, string>> = { en: "en-GB", nl: "nl-NL" };
