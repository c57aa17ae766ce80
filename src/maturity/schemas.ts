import { z } from "@hono/zod-openapi";

const level = z.number().int().min(1).max(4);

const SideSchema = z
  .object({
    n: z.number().int().openapi({ description: "Valid answers on this side (levels 1–4; don't know and skipped are not counted)" }),
    shown: z.boolean().openapi({ description: "At least minResponses valid answers; otherwise every figure below is null" }),
    distribution: z
      .array(z.number().int())
      .length(4)
      .nullable()
      .openapi({ description: "Counts at Emerging, Developing, Maturing, Thriving" }),
    median: level.nullable().openapi({ description: "The lower median level" }),
    mean: z.number().nullable().openapi({ description: "Mean level, 2 decimals" }),
    upperShare: z.number().nullable().openapi({ description: "Percentage at Maturing or Thriving, 1 decimal" }),
  })
  .openapi("MaturitySide");

const SideChangeSchema = z
  .object({
    median: z.number().int().openapi({ description: "Change of the median, in levels" }),
    upperShare: z.number().openapi({ description: "Change of the share at Maturing or Thriving, in percentage points (1 decimal)" }),
  })
  .nullable()
  .openapi("MaturitySideChange", { description: "Null when the side was not shown in both rounds" });

/** The maturity matrix in a round's results (OpenAPI). */
export const MaturityResultsSchema = z
  .object({
    version: z.number().int(),
    levels: z.array(z.object({ level, code: z.string(), title: z.string() })),
    previousRound: z.object({ id: z.string(), title: z.string(), closedAt: z.string().nullable() }).nullable(),
    dimensions: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        current: SideSchema.openapi({ description: "Where members put the network now" }),
        target: SideSchema.openapi({ description: "Where members want it to be in a year" }),
        gap: z.number().int().nullable().openapi({ description: "Target median minus current median, when both sides are shown" }),
        divided: z.boolean().nullable().openapi({
          description:
            "At least 25 % of valid current answers at levels 1–2 and at least 25 % at levels 3–4; null when current is not shown",
        }),
        change: z
          .object({ current: SideChangeSchema, target: SideChangeSchema })
          .nullable()
          .openapi({ description: "Change since previousRound; null when there is none" }),
      }),
    ),
  })
  .nullable()
  .openapi("MaturityResults", {
    description: "The maturity matrix: null for a round without it or with too few responses (suppressed).",
  });
