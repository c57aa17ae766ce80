import { randomInt } from "node:crypto";

/**
 * The letters of an open link's code: digits and capitals without those read or typed as one
 * another (0/O, 1/I/l) and without U (Crockford's reason: no accidental words). 30 symbols.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 8;

/**
 * A fresh code for an open link, e.g. "K7M2QX9P": short enough to type from a poster.
 *
 * Why 8 characters are enough: 30^8 ≈ 6.6 × 10^11 codes. Every /o/ lookup of a code we do not know
 * counts against the failed-lookup limit (30 per address per 10 minutes, FAILED_LINK_LIMIT), so one
 * address can try at most ~4,300 codes a day. Even with 1,000 open rounds live at once, finding any
 * one of them takes ~6.6 × 10^8 guesses on average: about 400 years for one address, or 150,000
 * addresses for a day. And what a lucky guess opens is an open link: a survey anyone with the
 * poster may answer anyway, whose answers are never shown individually.
 */
export function newOpenCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A code as typed from a poster (lower case, spaces) in the form it is stored; undefined if it cannot be one. */
export function normaliseOpenCode(typed: string): string | undefined {
  const code = typed.replace(/[\s-]/g, "").toUpperCase();
  if (code.length !== CODE_LENGTH) return undefined;
  return [...code].every((ch) => CODE_ALPHABET.includes(ch)) ? code : undefined;
}
