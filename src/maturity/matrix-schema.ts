import { z } from "zod";
import { localTextSchema } from "../instrument/schema";

/** The four levels, in order; their codes are stable so that rounds stay comparable. */
export const MATURITY_LEVELS = ["emerging", "developing", "maturing", "thriving"] as const;
export type MaturityLevelCode = (typeof MATURITY_LEVELS)[number];

const levelSchema = z.strictObject({ code: z.enum(MATURITY_LEVELS), title: localTextSchema });

const dimensionSchema = z.strictObject({
  code: z.string().regex(/^[a-z]+$/, "a dimension code is lower-case letters"),
  title: localTextSchema,
  /** What each level looks like in a healthcare network, in the order of MATURITY_LEVELS. */
  descriptors: z.tuple([localTextSchema, localTextSchema, localTextSchema, localTextSchema]),
});

/** The maturity matrix as versioned data, checked when it is loaded, like the core instrument. */
export const maturityMatrixSchema = z
  .strictObject({
    code: z.literal("maturity"),
    version: z.number().int().positive(),
    levels: z.tuple([levelSchema, levelSchema, levelSchema, levelSchema]),
    questions: z.strictObject({ current: localTextSchema, target: localTextSchema, dontKnow: localTextSchema }),
    dimensions: z.array(dimensionSchema).length(8),
  })
  .refine((matrix) => matrix.levels.every((level, i) => level.code === MATURITY_LEVELS[i]), "levels must be in order")
  .refine((matrix) => new Set(matrix.dimensions.map((d) => d.code)).size === matrix.dimensions.length, "dimension codes must be unique");

export type MaturityMatrix = z.infer<typeof maturityMatrixSchema>;
