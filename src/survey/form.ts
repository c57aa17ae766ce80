import type { Instrument, Theme } from "../instrument";
import type { ErrorDetail } from "../lib/errors";
import { zodDetails } from "../lib/validation";
import type { SurveyModules } from "./module-schemas";
import { draftSchema, type SchemaMemo, type SurveyDraft } from "./schemas";

/** A posted form as plain strings (repeated keys and files ignored). */
export type Fields = Record<string, string>;

/** The fields of the "about" page, named as in the response. */
export const ABOUT_FIELDS = ["overall", "trend", "involvement", "organisationType", "professionalGroup"] as const;
const PROFILE_FIELDS = new Set<string>(["organisationType", "professionalGroup"]);

/** The name of a theme's comment box. */
export const commentField = (theme: string) => `comment.${theme}`;

/** The id of one radio; the error summary links to a field's first one. */
export const radioId = (name: string, value: string | number) => `${name.replace(/\./g, "-")}-${value}`;
export const commentId = (theme: string) => `comment-${theme}`;

/**
 * A posted value as the schema expects it: digits become a number (so a tampered "7" reaches the
 * schema as 7 and is refused there), anything else stays text (and "dont_know" stays itself).
 */
function formValue(raw: string): string | number {
  return /^\d{1,3}$/.test(raw) ? Number(raw) : raw;
}

// Browsers send a textarea's line breaks as CRLF but count them as one character for `maxlength`;
// counting them as one here too keeps a comment that the page accepted within the limit.
const commentText = (raw: string | undefined) => (raw ?? "").replace(/\r\n?/g, "\n").trim();

/** Sets `key` to `value`, or removes it when the respondent left it empty. */
function put(target: Record<string, unknown>, key: string, value: unknown) {
  if (value === undefined || value === "") delete target[key];
  else target[key] = value;
}

/**
 * The draft with one theme's page merged in: that theme's answers and comment replace what was
 * saved (a radio left unchosen means skipped). The result is unchecked until `checkDraft`.
 */
export function mergeTheme(draft: SurveyDraft, theme: Theme, fields: Fields): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...draft.answers };
  for (const item of theme.items) {
    const raw = fields[item.code];
    put(answers, item.code, raw === undefined || raw === "" ? undefined : formValue(raw));
  }
  const comments: Record<string, unknown> = { ...draft.comments };
  put(comments, theme.code, commentText(fields[commentField(theme.code)]));
  return { ...draft, answers, comments };
}

/** The draft with the "about" page merged in; "prefer not to say" is sent as an empty value. */
export function mergeAbout(draft: SurveyDraft, fields: Fields): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...draft };
  const profile: Record<string, unknown> = { ...draft.profile };
  for (const name of ABOUT_FIELDS) {
    const raw = fields[name];
    const value = raw === undefined || raw === "" ? undefined : name === "overall" ? formValue(raw) : raw;
    put(PROFILE_FIELDS.has(name) ? profile : merged, name, value);
  }
  merged.profile = profile;
  return merged;
}

/** A candidate draft checked against the instrument: the draft, or the fields that are wrong. */
export function checkDraft(
  instrument: Instrument,
  candidate: Record<string, unknown>,
  modules?: SurveyModules,
  memo?: SchemaMemo,
): { draft: SurveyDraft } | { errors: ErrorDetail[] } {
  const parsed = draftSchema(instrument, modules, memo).safeParse(candidate);
  return parsed.success ? { draft: parsed.data } : { errors: zodDetails(parsed.error) };
}

/** What a schema error field ("answers.purpose.1", "profile.organisationType") refers to on a page. */
export type FieldRef = { kind: "answer"; code: string } | { kind: "comment"; theme: string } | { kind: "about"; name: string };

/** Reads a field path of the response schema back into the question it names. */
export function fieldRef(field: string): FieldRef | undefined {
  if (field.startsWith("answers.")) return { kind: "answer", code: field.slice("answers.".length) };
  if (field.startsWith("comments.")) return { kind: "comment", theme: field.slice("comments.".length) };
  const name = field.startsWith("profile.") ? field.slice("profile.".length) : field;
  return (ABOUT_FIELDS as readonly string[]).includes(name) ? { kind: "about", name } : undefined;
}
