import { DONT_KNOW } from "../db/schema/answers";
import { INVOLVEMENT_CODES, type Instrument, MAX_THEME_ITEMS, THEME_CODES, TREND_CODES } from "../instrument";
import { SEAL_OVERHEAD } from "../lib/sealing";
import { decodeModules, encodeModules, MODULES_BYTES } from "./payload-modules";
import { type AnswerValue, MAX_COMMENT_LENGTH, type SurveyDraft } from "./schemas";

// A response (or draft) as a fixed-size record, so that its size says nothing of what was answered:
//   version | overall | trend | involvement | organisation type | professional group   (1 byte each)
//   one byte per possible statement: 5 themes × MAX_THEME_ITEMS (the instrument schema's limit)
//   per theme: comment length in UTF-16 code units (2 bytes) + room for MAX_COMMENT_LENGTH of them
//   (version 2) the modules' block: maturity marks and connections (src/survey/payload-modules.ts)
// UTF-16 keeps the bound tight: zod counts a comment's length in code units, each exactly 2 bytes.
// 0xff means "not given"; answers are 0 ("don't know") or 1–5; choices are option indices.
// Version 1 (no modules' block) was written before rounds had modules: pending responses and
// drafts of that size still open.

const VERSION = 2;
const NONE = 0xff;
const HEADER = 6;
const ANSWERS = THEME_CODES.length * MAX_THEME_ITEMS;
const COMMENT_SLOT = 2 + 2 * MAX_COMMENT_LENGTH;
const CORE_BYTES = HEADER + ANSWERS + THEME_CODES.length * COMMENT_SLOT;

/** The size of every encoded response and draft: the largest a response can be, comments and modules included. */
export const PAYLOAD_BYTES = CORE_BYTES + MODULES_BYTES;
/** The size of every sealed pending response and sealed draft. */
export const SEALED_BYTES = PAYLOAD_BYTES + SEAL_OVERHEAD;
/** The size of a version-1 payload, and of one sealed, as pending responses and drafts were stored before modules. */
export const V1_PAYLOAD_BYTES = CORE_BYTES;
export const V1_SEALED_BYTES = V1_PAYLOAD_BYTES + SEAL_OVERHEAD;

type ChoiceCode = "organisationType" | "professionalGroup";

function optionsOf(instrument: Instrument, code: ChoiceCode): string[] {
  const question = instrument.questions.find((q) => q.code === code);
  return question?.kind === "choice" ? question.options.map((o) => o.code) : [];
}

/** The index of `value` in `codes`, NONE when absent; a code outside the list is a bug upstream. */
function indexOf(codes: readonly string[], value: string | undefined, what: string): number {
  if (value === undefined) return NONE;
  const i = codes.indexOf(value);
  if (i < 0) throw new Error(`Cannot store ${what} "${value}": not a code of the instrument`);
  return i;
}

/** The byte of one statement, from its code (`<theme>.<n>`). */
function answerSlot(code: string): number {
  const dot = code.lastIndexOf(".");
  const theme = THEME_CODES.indexOf(code.slice(0, dot) as (typeof THEME_CODES)[number]);
  const n = Number(code.slice(dot + 1));
  if (theme < 0 || !Number.isInteger(n) || n < 1 || n > MAX_THEME_ITEMS) throw new Error(`Cannot store an answer to "${code}"`);
  return HEADER + theme * MAX_THEME_ITEMS + (n - 1);
}

/**
 * A checked response or draft as exactly PAYLOAD_BYTES bytes (zeros fill what is not used).
 *
 * @example
 * encodePayload(instrument, { answers: { "purpose.1": 4 }, comments: { value: "More of this" } }).length === PAYLOAD_BYTES
 */
export function encodePayload(instrument: Instrument, input: SurveyDraft): Buffer {
  const out = Buffer.alloc(PAYLOAD_BYTES);
  out[0] = VERSION;
  out[1] = input.overall ?? NONE;
  out[2] = indexOf(TREND_CODES, input.trend, "trend");
  out[3] = indexOf(INVOLVEMENT_CODES, input.involvement, "involvement");
  out[4] = indexOf(optionsOf(instrument, "organisationType"), input.profile?.organisationType, "organisation type");
  out[5] = indexOf(optionsOf(instrument, "professionalGroup"), input.profile?.professionalGroup, "professional group");
  out.fill(NONE, HEADER, HEADER + ANSWERS);
  for (const [code, value] of Object.entries(input.answers ?? {})) out[answerSlot(code)] = value === "dont_know" ? DONT_KNOW : value;
  for (const [theme, text] of Object.entries(input.comments ?? {})) {
    const t = THEME_CODES.indexOf(theme as (typeof THEME_CODES)[number]);
    if (t < 0 || text.length > MAX_COMMENT_LENGTH) throw new Error(`Cannot store a comment on "${theme}"`);
    const at = HEADER + ANSWERS + t * COMMENT_SLOT;
    out.writeUInt16LE(text.length, at);
    out.write(text, at + 2, "utf16le");
  }
  encodeModules(input, out.subarray(CORE_BYTES));
  return out;
}

/** The response or draft in `bytes` (from encodePayload with the same instrument); null if it is not one. */
export function decodePayload(instrument: Instrument, bytes: Buffer): SurveyDraft | null {
  const v2 = bytes.length === PAYLOAD_BYTES && bytes[0] === VERSION;
  if (!v2 && !(bytes.length === V1_PAYLOAD_BYTES && bytes[0] === 1)) return null;
  const draft: SurveyDraft = {};
  const byte = (i: number) => bytes[i] ?? NONE;
  if (byte(1) !== NONE) draft.overall = byte(1);
  if (byte(2) !== NONE) draft.trend = TREND_CODES[byte(2)];
  if (byte(3) !== NONE) draft.involvement = INVOLVEMENT_CODES[byte(3)];
  const organisationType = byte(4) === NONE ? undefined : optionsOf(instrument, "organisationType")[byte(4)];
  const professionalGroup = byte(5) === NONE ? undefined : optionsOf(instrument, "professionalGroup")[byte(5)];
  if (organisationType !== undefined || professionalGroup !== undefined) {
    draft.profile = {
      ...(organisationType === undefined ? {} : { organisationType }),
      ...(professionalGroup === undefined ? {} : { professionalGroup }),
    };
  }
  const answers: Record<string, AnswerValue> = {};
  THEME_CODES.forEach((theme, t) => {
    for (let i = 0; i < MAX_THEME_ITEMS; i++) {
      const value = byte(HEADER + t * MAX_THEME_ITEMS + i);
      if (value !== NONE) answers[`${theme}.${i + 1}`] = value === DONT_KNOW ? "dont_know" : (value as AnswerValue);
    }
  });
  if (Object.keys(answers).length > 0) draft.answers = answers;
  const comments: Record<string, string> = {};
  THEME_CODES.forEach((theme, t) => {
    const at = HEADER + ANSWERS + t * COMMENT_SLOT;
    const length = Math.min(bytes.readUInt16LE(at), MAX_COMMENT_LENGTH);
    if (length > 0) comments[theme] = bytes.toString("utf16le", at + 2, at + 2 + 2 * length);
  });
  if (Object.keys(comments).length > 0) draft.comments = comments;
  return v2 ? { ...draft, ...decodeModules(bytes.subarray(CORE_BYTES)) } : draft;
}
