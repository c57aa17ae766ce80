import { z } from "@hono/zod-openapi";
import { ORGANISATION_TYPES } from "./types";

/** The longest organisation name: long enough for "Stichting … Zorggroep …", short enough for a map label. */
export const MAX_ORGANISATION_NAME = 120;

const typeDescription = `One of the core instrument's organisation types: ${ORGANISATION_TYPES.join(", ")}`;

export const OrganisationSchema = z
  .object({
    id: z.string(),
    networkId: z.string(),
    name: z.string(),
    type: z.string().openapi({ description: typeDescription }),
    active: z.boolean().openapi({ description: "Only active organisations are copied into a round when it opens" }),
    usedByRounds: z.number().int().openapi({ description: "How many rounds asked about this organisation" }),
    createdAt: z.string(),
  })
  .openapi("Organisation");
export type OrganisationView = z.infer<typeof OrganisationSchema>;

export const nameSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(MAX_ORGANISATION_NAME, `must be ${MAX_ORGANISATION_NAME} characters or fewer`)
  .openapi({ description: "Unique within the network, ignoring upper and lower case" });
export const typeSchema = z.enum(ORGANISATION_TYPES, "must be one of the organisation types").openapi({ description: typeDescription });

export const CreateOrganisationSchema = z.strictObject({
  name: nameSchema,
  type: typeSchema,
  active: z.boolean().optional().openapi({ description: "Default true" }),
});
export type CreateOrganisationInput = z.infer<typeof CreateOrganisationSchema>;

export const UpdateOrganisationSchema = z.strictObject({
  name: nameSchema.optional(),
  type: typeSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateOrganisationInput = z.infer<typeof UpdateOrganisationSchema>;

export const DeletedOrganisationSchema = z
  .object({
    result: z.enum(["deleted", "deactivated"]).openapi({
      description: "`deleted` when no round used the organisation; `deactivated` when one did (its rounds keep its name)",
    }),
    organisation: OrganisationSchema.openapi({ description: "As it was deleted, or as it is now (inactive)" }),
  })
  .openapi("DeletedOrganisation");
