import { z } from "@hono/zod-openapi";
import { GRANT_ROLES, STAGES } from "../db/schema";
import { isTimeZone } from "../lib/time-zone";
import { emailSchema } from "../users/schemas";

const timeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, "must be a time zone such as Europe/London or Europe/Amsterdam")
  .openapi({ description: "IANA time zone every date and time of the network is shown and typed in", example: "Europe/Amsterdam" });

export const NetworkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    stage: z.enum(STAGES),
    timeZone: z.string(),
    createdAt: z.string(),
    access: z.enum(["admin", ...GRANT_ROLES]).openapi({ description: "How the caller relates to this network" }),
  })
  .openapi("Network");
export type NetworkView = z.infer<typeof NetworkSchema>;

const networkFields = {
  name: z.string().trim().min(1, "is required").max(200),
  description: z.string().trim().max(2000).optional(),
  stage: z.enum(STAGES).optional(),
  timeZone: timeZone.optional(),
};

export const CreateNetworkSchema = z.strictObject({
  ...networkFields,
  language: z
    .enum(["en", "nl"])
    .optional()
    .openapi({ description: "The language the network works in; without timeZone it picks the default (nl: Europe/Amsterdam)" }),
});
export type CreateNetworkInput = z.infer<typeof CreateNetworkSchema>;

export const UpdateNetworkSchema = z.strictObject(networkFields).partial();
export type UpdateNetworkInput = z.infer<typeof UpdateNetworkSchema>;

export const GrantSchema = z
  .object({ id: z.string(), userId: z.string(), email: z.string(), name: z.string(), role: z.enum(GRANT_ROLES), createdAt: z.string() })
  .openapi("Grant");
export type GrantView = z.infer<typeof GrantSchema>;

export const CreateGrantSchema = z
  .strictObject({ email: emailSchema.optional(), userId: z.string().min(1).max(64).optional(), role: z.enum(GRANT_ROLES) })
  .refine((g) => Boolean(g.email) !== Boolean(g.userId), { message: "give either email or userId", path: ["email"] });
export type CreateGrantInput = z.infer<typeof CreateGrantSchema>;
