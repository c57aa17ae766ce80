// The network map as the API gives it (GET /api/v1/rounds/{id}/network-map), described for OpenAPI.
import { z } from "@hono/zod-openapi";

const Received = z.object({
  n: z.number().int().openapi({ description: "Ratings received" }),
  mean: z.number().nullable().openapi({ description: "Mean 1–4 (2 dp); null below minResponses ratings" }),
  score: z.number().nullable().openapi({ description: "(mean − 1) ÷ 3 × 100 (1 dp); null below minResponses ratings" }),
  shown: z.boolean(),
});
const NetworkRating = z.object({
  organisations: z.number().int().openapi({ description: "Organisations whose own figure is shown" }),
  mean: z.number().nullable().openapi({ description: "Unweighted mean of the shown organisations' means; null when none is shown" }),
  score: z.number().nullable(),
  shown: z.boolean(),
});
const Pair = z.object({ a: z.string(), b: z.string() });
const Figure = z.object({ previous: z.number().nullable(), delta: z.number().nullable() });

export const MapMetricsSchema = z
  .object({
    ties: z.number().int(),
    density: z.number().openapi({ description: "Ties ÷ possible pairs (3 dp)" }),
    centralization: z.number().nullable().openapi({ description: "Freeman degree centralization (3 dp); null below 3 organisations" }),
    reciprocity: z
      .number()
      .nullable()
      .openapi({ description: "Share of ties both sides report (3 dp); null when none joins two organisations with respondents" }),
    components: z.number().int(),
    isolates: z.array(z.string()).openapi({ description: "Organisation ids without a tie" }),
    brokers: z.array(z.string()).openapi({ description: "Up to 3 organisation ids by betweenness above 0" }),
    trust: NetworkRating,
    value: NetworkRating,
  })
  .openapi("NetworkMapMetrics");

const Organisation = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  respondents: z.number().int().openapi({ description: "Connections records naming it (facilitators only)" }),
  degree: z.number().int(),
  degreeCentrality: z.number(),
  betweenness: z.number(),
  trust: Received,
  value: Received,
});

export const NetworkMapSchema = z
  .object({
    round: z.object({ id: z.string(), title: z.string() }),
    suppressed: z.boolean().openapi({ description: "Fewer connections records than minResponses: nothing derived is given" }),
    connectionRecords: z.number().int().optional().openapi({ description: "Records naming an organisation (facilitators only)" }),
    minResponses: z.number().int().optional(),
    organisations: z.array(Organisation).optional(),
    ties: z
      .array(
        z.object({
          a: z.string(),
          b: z.string(),
          level: z.number().int().min(2).max(4),
          reports: z.number().int(),
          bothSides: z.boolean(),
        }),
      )
      .optional(),
    metrics: MapMetricsSchema.optional(),
    perceptionGaps: z.array(z.object({ a: z.string(), b: z.string(), aSays: z.number(), bSays: z.number() })).optional(),
    suggestions: z.array(z.object({ a: z.string(), b: z.string(), common: z.number().int(), via: z.array(z.string()) })).optional(),
    change: z
      .object({
        previousRoundId: z.string(),
        tiesGained: z.array(Pair),
        tiesLost: z.array(Pair),
        density: Figure,
        trust: Figure,
        value: Figure,
      })
      .nullable()
      .optional()
      .openapi({ description: "Against the network's previous closed round with a shown map; null when there is none" }),
  })
  .openapi("NetworkMap", {
    description:
      "A closed round's network map. Facilitators get everything; commissioners only `metrics`. Organisations are named by id; " +
      "ties and perception gaps name `a` before `b` by organisation name. Suppressed maps carry nothing derived.",
  });

export type NetworkMapView = z.infer<typeof NetworkMapSchema>;
