import { z } from "@hono/zod-openapi";
import { emailSchema } from "../users/schemas";

export const MemberSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string().nullable(), organisation: z.string(), createdAt: z.string() })
  .openapi("Member");
export type MemberView = z.infer<typeof MemberSchema>;

export const NewMemberSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(200),
  email: emailSchema.optional(),
  organisation: z.string().trim().max(200).optional(),
});
export type NewMemberInput = z.infer<typeof NewMemberSchema>;

export const AddMembersSchema = z.strictObject({ members: z.array(NewMemberSchema).min(1, "add at least one member").max(10_000) });
