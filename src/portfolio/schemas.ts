import { z } from "@hono/zod-openapi";
import { FIGURE_CODES, STAGES } from "../db/schema";
import { CELL_STATUSES, COLUMN_PROVIDERS, PROVIDED_KEYS, type ProvidedKey } from "./columns";

/** What the heatmap can be sorted by: the network's name, a figure, a fact of its latest round, or an added column. */
export const SORT_KEYS = ["name", ...FIGURE_CODES, "respondents", "responseRate", "date", ...PROVIDED_KEYS] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Rows on one page of the heatmap: a screenful to read, and a page that stays quick at any scale. */
export const HEATMAP_PAGE_SIZE = 100;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-03-01")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "must be a real date");

/**
 * The heatmap's sort, filter and page, from links and a GET form. Sort, stage and page fall back
 * on a stale link; a date that cannot be read is a 400 naming it.
 */
export const HeatmapQuery = z.object({
  sort: z.enum(SORT_KEYS).catch("name"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  stage: z.enum(["all", ...STAGES]).catch("all"),
  from: z.union([z.literal(""), day]).optional(),
  to: z.union([z.literal(""), day]).optional(),
  page: z.coerce.number().int().min(1).catch(1),
  lang: z.enum(["en", "nl"]).catch("en"),
});
export type HeatmapOptions = z.infer<typeof HeatmapQuery>;

export const PortfolioSettingsInput = z
  .object({
    name: z.string().trim().min(1, "is required").max(80, "is at most 80 characters").optional(),
    benchmark: z.boolean().optional(),
  })
  .strict()
  .openapi("PortfolioSettingsInput");
export type PortfolioSettingsInput = z.infer<typeof PortfolioSettingsInput>;

export const PortfolioSettingsSchema = z.object({ name: z.string(), benchmark: z.boolean() }).openapi("PortfolioSettings");

/** Most networks one page of GET /portfolio returns: the compare endpoint's limit. */
export const MAX_PAGE_SIZE = 500;

export const PortfolioApiQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ description: "Page of networks, from 1", example: 1 }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(100)
    .openapi({ description: `Networks per page, 1–${MAX_PAGE_SIZE}`, example: 100 }),
  stage: z.enum(STAGES).optional().openapi({ description: "Only networks at this stage" }),
});

const figure = z
  .object({
    score: z.number().nullable().openapi({ description: "As shown (1 dp); null for too few answers" }),
    band: z.enum(["needs_attention", "mixed", "strong"]).nullable(),
    change: z.number().nullable().openapi({ description: "Change since the previous round, only when notable (Welch, p < 0.05)" }),
    difference: z
      .enum(["above", "below"])
      .nullable()
      .openapi({ description: "Notably above or below the rest of the portfolio (Welch, p < 0.05)" }),
  })
  .openapi("PortfolioFigure");

const figures = z.object(Object.fromEntries(FIGURE_CODES.map((c) => [c, figure])) as Record<(typeof FIGURE_CODES)[number], typeof figure>);

/** An added column's cell (see COLUMN_PROVIDERS): its number, or why there is none. */
const column = (description: string) =>
  z
    .object({
      value: z
        .number()
        .nullable()
        .openapi({ description: `${description}; null unless status is "shown"` }),
      status: z
        .enum(CELL_STATUSES)
        .openapi({ description: '"too_few_answers" when suppressed or not shown, "not_asked" when the round did not ask the module' }),
    })
    .openapi({ description });

const columns = z
  .object(Object.fromEntries(COLUMN_PROVIDERS.map((p) => [p.key, column(p.description)])) as Record<ProvidedKey, ReturnType<typeof column>>)
  .openapi("PortfolioColumns", { description: "The network map's and the maturity matrix's figures of the round" });

const average = z.object({ score: z.number().nullable(), band: figure.shape.band, networks: z.number() }).openapi("PortfolioAverage");

export const PortfolioNetworkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    stage: z.enum(STAGES),
    latestRound: z
      .object({
        id: z.string(),
        title: z.string(),
        closedAt: z.string(),
        n: z.number(),
        responseRate: z.number().nullable(),
        confidence: z.enum(["high", "moderate", "low"]),
        suppressed: z.boolean(),
        figures,
        columns,
      })
      .nullable()
      .openapi({ description: "The latest closed round on the core instrument; null before the first" }),
  })
  .openapi("PortfolioNetwork");

export const PortfolioSchema = z
  .object({
    name: z.string(),
    benchmark: z.boolean(),
    instrument: z.object({ id: z.string(), version: z.number() }),
    totalNetworks: z.number().openapi({ description: "Every network in the portfolio (after the stage filter)" }),
    averages: z.object(Object.fromEntries(FIGURE_CODES.map((c) => [c, average])) as Record<(typeof FIGURE_CODES)[number], typeof average>),
    page: z.number(),
    pageSize: z.number(),
    nextPage: z.number().nullable(),
    networks: z.array(PortfolioNetworkSchema),
  })
  .openapi("Portfolio");
export type PortfolioResponse = z.infer<typeof PortfolioSchema>;
