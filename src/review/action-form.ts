import { z } from "zod";
import { ACTION_STATUSES } from "../db/schema";

/** The "record an action" form: what was agreed, who takes it on, by when. */
export const NewActionForm = z.object({
  title: z.string().trim().min(1, "is required").max(300, "must be 300 characters or fewer"),
  owner: z.string().trim().max(200, "must be 200 characters or fewer"),
  due: z
    .string()
    .trim()
    .refine((v) => v === "" || z.iso.date().safeParse(v).success, "must be a date, like 31/05/2026")
    .transform((v) => v || undefined),
});
export type NewActionValues = { title?: string; owner?: string; due?: string };

export const NEW_ACTION_LABELS = { title: "Action", owner: "Who", due: "By when" };

/** The per-action update form: its status and a note on where it stands. */
export const ActionUpdateForm = z.object({
  status: z.enum(ACTION_STATUSES, "must be one of the listed statuses"),
  note: z.string().trim().max(2000, "must be 2,000 characters or fewer"),
});

export const ACTION_STATUS_LABELS: Record<(typeof ACTION_STATUSES)[number], string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

/** The fields of one action's update form have ids of their own: several forms share the page. */
export const updateFieldId = (actionId: string, field: "status" | "note") => `action-${actionId}-${field}`;
