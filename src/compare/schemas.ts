import { z } from "@hono/zod-openapi";
import { STAGES } from "../db/schema";
import { latestVersion, THEME_CODES, type ThemeCode } from "../instrument";
import { MapColumnsSchema } from "./map-columns";
import { MaturityMediansSchema } from "./maturity";

/** Most networks one comparison takes: a region's whole portfolio, still one quick query. */
export const MAX_COMPARED = 500;

/** Splits "a,b,c" (or several such values) into trimmed ids; empty pieces are kept so they can be refused. */
export function splitIds(values: string | readonly string[]): string[] {
  return (typeof values === "string" ? [values] : values).flatMap((v) => v.split(",")).map((id) => id.trim());
}

/** The ids of a comparison: 1–500 distinct, non-empty ids, as a list. */
export const NetworkIdsSchema = z.array(z.string()).superRefine((ids, ctx) => {
  const fail = (message: string) => ctx.addIssue({ code: "custom", message });
  if (ids.length === 0 || (ids.length === 1 && ids[0] === "")) return fail("choose at least one network");
  if (ids.some((id) => id === "")) return fail("has an empty id (check for stray commas)");
  if (ids.some((id) => id.length > 64)) return fail("has an id longer than 64 characters");
  if (ids.length > MAX_COMPARED) return fail(`compares at most ${MAX_COMPARED} networks`);
  if (new Set(ids).size !== ids.length) return fail("lists a network more than once");
});

export const InstrumentParam = z
  .string()
  .refine((id) => latestVersion(id) !== undefined, "is not a known instrument")
  .default("core")
  .openapi({ description: "Only rounds on the latest version of this instrument are compared", example: "core" });

export const CompareQuery = z.object({
  networkIds: z
    .string({ error: "is required" })
    .transform((s) => splitIds(s))
    .pipe(NetworkIdsSchema)
    .openapi({ description: `Comma-separated network ids, 1–${MAX_COMPARED} distinct`, example: "nw_a,nw_b", type: "string" }),
  instrument: InstrumentParam,
});

const score = z.number().nullable();

export const ThemeScoresSchema = z.object(Object.fromEntries(THEME_CODES.map((code) => [code, score])) as Record<ThemeCode, typeof score>);

export const CompareRoundSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    closedAt: z.string(),
    n: z.number(),
    responseRate: z.number().nullable(),
    suppressed: z.boolean(),
    overall: score.openapi({ description: "The temperature: the results' `overall.score`; null when suppressed" }),
    themes: ThemeScoresSchema.nullable().openapi({ description: "Each theme's `score` from the results; null when suppressed" }),
    maturity: MaturityMediansSchema,
    map: MapColumnsSchema.optional(),
  })
  .openapi("CompareRound");
export type CompareRound = z.infer<typeof CompareRoundSchema>;

export const CompareNetworkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    stage: z.enum(STAGES),
    timeZone: z.string().openapi({ description: "The network's time zone: its dates are days there" }),
    rounds: z.array(CompareRoundSchema).openapi({ description: "Closed rounds on the compared instrument, oldest first" }),
  })
  .openapi("CompareNetwork");
export type CompareNetwork = z.infer<typeof CompareNetworkSchema>;

export const ComparisonSchema = z
  .object({
    instrument: z.object({ id: z.string(), version: z.number() }),
    networks: z.array(CompareNetworkSchema),
  })
  .openapi("Comparison");
export type Comparison = z.infer<typeof ComparisonSchema>;
