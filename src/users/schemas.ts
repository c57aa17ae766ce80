import { z } from "@hono/zod-openapi";
import { ROLES } from "../db/schema";

export const emailSchema = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
export const passwordSchema = z.string().min(12, "must be at least 12 characters").max(256);
export const nameSchema = z.string().trim().min(1, "is required").max(200);

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("User");
export type UserView = z.infer<typeof UserSchema>;

export const CreateUserSchema = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  role: z.enum(ROLES),
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z.strictObject({
  name: nameSchema.optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;
