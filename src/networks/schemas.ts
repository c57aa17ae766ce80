import { z } from "@hono/zod-openapi";
import { GRANT_ROLES, STAGES } from "../db/schema";
import { emailSchema } from "../users/schemas";

export const NetworkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    stage: z.enum(STAGES),
    createdAt: z.string(),
    access: z.enum(["admin", ...GRANT_ROLES]).openapi({ description: "How the caller relates to this network" }),
  })
  .openapi("Network");
export type NetworkView = z.infer<typeof NetworkSchema>;

export const CreateNetworkSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(200),
  description: z.string().trim().max(2000).optional(),
  stage: z.enum(STAGES).optional(),
});
export type CreateNetworkInput = z.infer<typeof CreateNetworkSchema>;

export const UpdateNetworkSchema = CreateNetworkSchema.partial();
export type UpdateNetworkInput = z.infer<typeof UpdateNetworkSchema>;

export const GrantSchema = z
  .object({ id: z.string(), userId: z.string(), email: z.string(), name: z.string(), role: z.enum(GRANT_ROLES), createdAt: z.string() })
  .openapi("Grant");
export type GrantView = z.infer<typeof GrantSchema>;

export const CreateGrantSchema = z
  .strictObject({ email: emailSchema.optional(), userId: z.string().min(1).max(64).optional(), role: z.enum(GRANT_ROLES) })
  .refine((g) => Boolean(g.email) !== Boolean(g.userId), { message: "give either email or userId", path: ["email"] });
export type CreateGrantInput = z.infer<typeof CreateGrantSchema>;
