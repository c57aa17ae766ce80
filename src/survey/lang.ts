import type { Lang } from "../instrument";

const SUPPORTED: readonly Lang[] = ["en", "nl"];

function supported(tag: string | undefined): Lang | undefined {
  const primary = tag?.trim().toLowerCase().split("-")[0];
  return SUPPORTED.find((lang) => lang === primary);
}

/** The supported language an Accept-Language header prefers most (by q, then by order), if any. */
export function preferredLanguage(acceptLanguage: string | undefined): Lang | undefined {
  if (!acceptLanguage) return undefined;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of acceptLanguage.split(",")) {
    const [tag, ...params] = part.split(";");
    const lang = supported(tag);
    if (!lang) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang;
}

/**
 * The language of the survey texts: `?lang` wins (the member's own choice, made with the switch),
 * then the language the facilitator chose for the round; the browser's Accept-Language (nl, nl-NL,
 * nl-BE → nl) decides only when there is no round to ask (an unknown link), and English after that.
 * A round created in Dutch must not turn English because a member's browser happens to be.
 *
 * @example
 * surveyLanguage(undefined, "en-GB,en;q=0.9", "nl"); // "nl"
 * surveyLanguage(undefined, "nl-NL,nl;q=0.9", undefined); // "nl"
 */
export function surveyLanguage(queryLang: string | undefined, acceptLanguage: string | undefined, roundLanguage: Lang | undefined): Lang {
  return supported(queryLang) ?? roundLanguage ?? preferredLanguage(acceptLanguage) ?? "en";
}
