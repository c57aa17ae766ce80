import { z } from "zod";
import { MESSAGES } from "../i18n/organisations";
import type { Lang } from "../instrument";
import { AppError } from "../lib/errors";
import { formErrors } from "../lib/pages";
import { nameSchema, typeSchema } from "./schemas";

const OrganisationForm = z.object({ name: nameSchema, type: typeSchema });

/** The add and change forms, checked: the values to save, or errors in the page's language naming each field. */
export function parseOrganisationForm(fields: Record<string, string>, lang: Lang) {
  const t = MESSAGES[lang].errors;
  const parsed = OrganisationForm.safeParse({ name: fields.name ?? "", type: fields.type ?? "" });
  if (parsed.success) return { ok: true as const, data: parsed.data };
  const details = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    if (details.has(field)) continue;
    details.set(field, field === "type" ? t.type : issue.code === "too_big" ? t.nameLong : t.nameMissing);
  }
  return { ok: false as const, errors: formErrors([...details].map(([field, message]) => ({ field, message }))) };
}

/** A refused name (409 from the service) as the form's error, in the page's language; other errors go on. */
export function nameTakenError(err: unknown, lang: Lang) {
  if (!(err instanceof AppError) || err.code !== "conflict") throw err;
  return formErrors([{ field: "name", message: MESSAGES[lang].errors.nameTaken }]);
}
