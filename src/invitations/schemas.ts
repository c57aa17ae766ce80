import { z } from "@hono/zod-openapi";
import { idString } from "../lib/openapi";

export const InvitationSchema = z
  .object({
    id: z.string(),
    memberId: z.string().nullable(),
    url: z.string().openapi({ description: "The personal link; shown this once (only its hash is kept)" }),
  })
  .openapi("Invitation");
export type InvitationView = z.infer<typeof InvitationSchema>;

export const InvitationListSchema = z.object({ invitations: z.array(InvitationSchema) });

export const CreateInvitationsSchema = z
  .strictObject({
    memberIds: z.array(idString).min(1, "list at least one member").max(10_000).optional(),
    all: z.literal(true).optional().openapi({ description: "Everyone on the roster who has no link yet" }),
  })
  .refine((b) => (b.memberIds !== undefined) !== (b.all !== undefined), {
    message: "give either memberIds or all: true",
    path: ["memberIds"],
  });
export type CreateInvitationsInput = z.infer<typeof CreateInvitationsSchema>;

/** A new link with the member it is for: the JSON shows id, memberId and url; the CSV name, email and url. */
export interface NewInvitation extends InvitationView {
  name: string;
  email: string | null;
}
