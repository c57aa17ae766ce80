import type { Lang } from "../instrument";

/** The locale each language formats numbers and dates in (British English, Dutch of the Netherlands). */
export const LOCALE: Readonly<Record<Lang, string>> = { en: "en-GB", nl: "nl-NL" };

/** Where a network that works in this language most likely is: its time zone until it says otherwise. */
export const DEFAULT_TIME_ZONE: Readonly<Record<Lang, string>> = { en: "Europe/London", nl: "Europe/Amsterdam" };
