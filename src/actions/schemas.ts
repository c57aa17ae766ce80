import { z } from "@hono/zod-openapi";
import { ACTION_STATUSES } from "../db/schema";

const isoDay = z.iso.date("must be a date like 2026-05-31");

export const ActionSchema = z
  .object({
    id: z.string(),
    networkId: z.string(),
    roundId: z.string(),
    title: z.string(),
    owner: z.string().nullable(),
    due: z.string().nullable(),
    status: z.enum(ACTION_STATUSES),
    note: z.string().nullable(),
    closedAt: z.string().nullable().openapi({ description: "When it was marked done or dropped" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Action");
export type ActionView = z.infer<typeof ActionSchema>;

export const CreateActionSchema = z.strictObject({
  roundId: z.string().min(1, "is required").max(64),
  title: z.string().trim().min(1, "is required").max(300),
  owner: z.string().trim().max(200).optional(),
  due: isoDay.optional(),
});
export type CreateActionInput = z.infer<typeof CreateActionSchema>;

// An empty change is a no-op answered with the action, as for networks and users.
export const UpdateActionSchema = z.strictObject({
  status: z.enum(ACTION_STATUSES).optional(),
  note: z.string().trim().max(2000).optional(),
  title: z.string().trim().min(1, "is required").max(300).optional(),
  owner: z.string().trim().max(200).nullable().optional(),
  due: isoDay.nullable().optional(),
});
export type UpdateActionInput = z.infer<typeof UpdateActionSchema>;
