import { z } from "@hono/zod-openapi";
import { ACCESS_MODES, ROUND_MODULES, ROUND_STATUSES } from "../db/schema";
import { LANGUAGES, latestVersion } from "../instrument";

/** The smallest group we ever report on; below this a person could be recognised. */
export const MIN_RESPONSES_FLOOR = 3;

const isoDate = z.string().nullable().openapi({ description: "ISO 8601, UTC", example: "2026-06-30T15:00:00.000Z" });

export const RoundCountsSchema = z.object({
  invited: z.number().int().openapi({
    description: "Links handed out; for an open link, visitors who saved or submitted answers (opening it alone is not counted)",
  }),
  started: z.number().int().openapi({ description: "Links on which an answer was saved or submitted" }),
  submitted: z.number().int().openapi({ description: "Responses received" }),
});
export type RoundCounts = z.infer<typeof RoundCountsSchema>;

export const RoundSchema = z
  .object({
    id: z.string(),
    networkId: z.string(),
    title: z.string(),
    instrument: z.object({ id: z.string(), version: z.number().int() }),
    status: z.enum(ROUND_STATUSES),
    access: z.enum(ACCESS_MODES),
    language: z.enum(LANGUAGES),
    minResponses: z.number().int(),
    closesAt: isoDate,
    openedAt: isoDate,
    closedAt: isoDate,
    createdAt: z.string(),
    openUrl: z.string().nullable().openapi({
      description:
        "The open link of an open-access round, ending in its 8-character code (made when the round is created; it answers once the round opens)",
    }),
    modules: z.array(z.enum(ROUND_MODULES)).openapi({ description: "The optional parts the round asks after the themes" }),
    counts: RoundCountsSchema,
  })
  .openapi("Round");
export type RoundView = z.infer<typeof RoundSchema>;

// With an offset, always: "17:00" alone means a different moment in Amsterdam and in London.
const closesAtSchema = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date and time with an offset, e.g. 2026-06-30T17:00:00+02:00" })
  .transform((v) => new Date(v))
  .openapi({ type: "string", format: "date-time", example: "2026-06-30T17:00:00+02:00" });

const titleSchema = z.string().trim().min(1, "is required").max(200);

export const CreateRoundSchema = z.strictObject({
  title: titleSchema,
  instrument: z
    .string()
    .refine((id) => latestVersion(id) !== undefined, "is not a known instrument")
    .optional()
    .openapi({ example: "core", description: "Defaults to core, latest version" }),
  closesAt: closesAtSchema.optional(),
  minResponses: z.number().int().min(MIN_RESPONSES_FLOOR).max(1000).optional().openapi({ description: "Anonymity threshold; default 5" }),
  access: z.enum(ACCESS_MODES).optional().openapi({ description: "Personal invitations (default) or one open link" }),
  language: z.enum(LANGUAGES).optional(),
  modules: z
    .array(z.enum(ROUND_MODULES, `must be one of ${ROUND_MODULES.join(", ")}`))
    .refine((list) => new Set(list).size === list.length, "must not name a module twice")
    .optional()
    .openapi({
      description:
        "Optional parts asked after the themes: `connections` (the network map; needs at least 3 active organisations, copied into the round when it opens) and `maturity` (the maturity matrix). None by default",
    }),
});
export type CreateRoundInput = z.infer<typeof CreateRoundSchema>;

export const UpdateRoundSchema = z.strictObject({
  title: titleSchema.optional(),
  closesAt: closesAtSchema
    .nullable()
    .optional()
    .openapi({ description: "Free to change in draft; while open only later. null removes the closing date" }),
});
export type UpdateRoundInput = z.infer<typeof UpdateRoundSchema>;

export const ProgressSchema = z
  .object({
    invited: z.number().int(),
    started: z.number().int(),
    submitted: z.number().int(),
    responseRate: z.number().nullable().openapi({ description: "Percent submitted of invited, one decimal; null for open links" }),
    byDay: z.array(z.object({ day: z.string(), submitted: z.number().int() })),
  })
  .openapi("RoundProgress");
export type RoundProgress = z.infer<typeof ProgressSchema>;
