import { z } from "zod";
import { ACTION_STATUSES } from "../db/schema";
import { formErrors } from "../lib/pages";
import { zodDetails } from "../lib/validation";

// Each field's error reads as a sentence that matches its label ("What was agreed" → "Say what was agreed").
const SAY_WHAT = "Say what was agreed";
const title = z.string().trim().min(1, SAY_WHAT).max(300, "What was agreed must be 300 characters or fewer");
const owner = z.string().trim().max(200, "Who takes it on must be 200 characters or fewer");
const due = z
  .string()
  .trim()
  .refine((v) => v === "" || z.iso.date().safeParse(v).success, "By when must be a date, like 31/05/2026");

/** The "record an action" form: what was agreed, who takes it on, by when. */
export const NewActionForm = z.object({ title, owner, due: due.transform((v) => v || undefined) });
export type NewActionValues = { title?: string; owner?: string; due?: string };

/**
 * The per-action form: what was agreed, who, by when, its status and a note on where it stands.
 * A field left out of the post is left as it is.
 */
export const ActionUpdateForm = z.object({
  title: title.optional(),
  owner: owner.transform((v) => v || null).optional(),
  due: due.transform((v) => v || null).optional(),
  status: z.enum(ACTION_STATUSES, "must be one of the listed statuses"),
  note: z.string().trim().max(2000, "must be 2,000 characters or fewer"),
});
export type ActionField = "title" | "owner" | "due" | "status" | "note";

/**
 * Errors of a parse of an action form, with the messages above. On the page of many actions, `about`
 * names the action and each field's id names it too.
 */
export function actionFormErrors(error: z.ZodError, about?: { id: string; title: string }) {
  const prefix: Partial<Record<ActionField, string>> = about
    ? { status: `Status of “${about.title}” `, note: `Note on “${about.title}” ` }
    : {};
  return formErrors(
    zodDetails(error).map((d) => {
      const field = d.field as ActionField;
      return { field: about ? updateFieldId(about.id, field) : field, message: `${prefix[field] ?? ""}${d.message}` };
    }),
  );
}

export const ACTION_STATUS_LABELS: Record<(typeof ACTION_STATUSES)[number], string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

/** The fields of one action's form have ids of their own: several forms share the page. */
export const updateFieldId = (actionId: string, field: ActionField) => `action-${actionId}-${field}`;
