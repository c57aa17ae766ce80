import { z } from "@hono/zod-openapi";
import { RATED_FROM_LEVEL } from "../connections/map-inputs";
import { MAX_ROUND_ORGANISATIONS } from "../db/schema/organisations";
import { MATURITY_V1 } from "../maturity/matrix-v1";

/** What a round asks besides the core instrument: how many organisations its snapshot holds (0: no connections page), and whether it asks the maturity matrix. */
export type SurveyModules = { organisations: number; maturity: boolean };

/** A mark on the maturity matrix: a level 1 (Emerging) … 4 (Thriving), or "dont_know". */
export const MATURITY_VALUES = [1, 2, 3, 4, "dont_know"] as const;
export type MaturityValue = (typeof MATURITY_VALUES)[number];
/** Where one respondent puts the network on one dimension, now and in a year; either may be skipped. */
export type MaturityMark = { current?: MaturityValue; target?: MaturityValue };
/** Marks by dimension code of MATURITY_V1. */
export type MaturityMarks = Record<string, MaturityMark>;

/** The answers to "Which organisation do you mainly work for?" that name none (both skip the rest). */
export const NO_ORGANISATION = ["not_listed", "prefer_not_to_say"] as const;
export type NoOrganisation = (typeof NO_ORGANISATION)[number];
export type Level = 1 | 2 | 3 | 4;
/** A partner ticked, by its position in the round's organisations; the level and, from level 2 up, the two ratings. */
export type PartnerAnswer = { organisation: number; level?: Level; trust?: Level; value?: Level };
/** The connections page: the respondent's organisation (a position, or one of NO_ORGANISATION) and the partners ticked. */
export type ConnectionsAnswer = { organisation?: number | NoOrganisation; partners?: PartnerAnswer[] };

const objectError = { error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : "must be an object") };
const maturityValue = z.literal(MATURITY_VALUES, { error: 'must be a whole number from 1 to 4, or "dont_know"' });
const mark = z.strictObject({ current: maturityValue.optional(), target: maturityValue.optional() }, objectError);

/** Marks on the dimensions of MATURITY_V1: an unknown dimension code is named in the 400. */
export function maturitySchema(): z.ZodType<MaturityMarks> {
  const shape = Object.fromEntries(MATURITY_V1.dimensions.map((d) => [d.code, mark.optional()]));
  // The keys come from the matrix at run time, so TypeScript cannot see them; this states the result.
  return z.strictObject(shape, objectError) as unknown as z.ZodType<MaturityMarks>;
}

const levelError = "must be 1 (aware), 2 (cooperate), 3 (coordinate) or 4 (integrate)";
const ratingError = "must be a whole number from 1 to 4";

/**
 * The connections answers for a round whose snapshot holds `organisations` organisations (without
 * it, for the OpenAPI description, any position up to MAX_ROUND_ORGANISATIONS − 1). Positions
 * must be in the snapshot; a partner is never the respondent's own organisation nor named twice;
 * partners need an organisation of one's own (a level runs from it); trust and value are given
 * only from level 2 (cooperate) up.
 */
export function connectionsSchema(organisations = MAX_ROUND_ORGANISATIONS): z.ZodType<ConnectionsAnswer> {
  const last = Math.min(organisations, MAX_ROUND_ORGANISATIONS) - 1;
  const positionError = `must be the position of one of the round's organisations, 0 to ${last}`;
  const position = z.int({ error: positionError }).min(0, { error: positionError }).max(last, { error: positionError });
  const level = z.literal([1, 2, 3, 4], { error: levelError });
  const rating = z.literal([1, 2, 3, 4], { error: ratingError });
  const partner = z
    .strictObject({ organisation: position, level: level.optional(), trust: rating.optional(), value: rating.optional() }, objectError)
    .superRefine((p, ctx) => {
      for (const key of ["trust", "value"] as const) {
        if (p[key] !== undefined && (p.level === undefined || p.level < RATED_FROM_LEVEL))
          ctx.addIssue({ code: "custom", path: [key], message: "is given only with level 2 (cooperate) or higher" });
      }
    });
  const noOrganisation = z.enum(NO_ORGANISATION);
  return z
    .strictObject(
      {
        organisation: z.union([position, noOrganisation], { error: `${positionError}, or "not_listed" or "prefer_not_to_say"` }).optional(),
        partners: z.array(partner, { error: "must be a list" }).max(MAX_ROUND_ORGANISATIONS).optional(),
      },
      objectError,
    )
    .superRefine((answer, ctx) => {
      const partners = answer.partners ?? [];
      if (partners.length > 0 && typeof answer.organisation !== "number") {
        ctx.addIssue({ code: "custom", path: ["partners"], message: "are given only with an organisation of your own" });
        return;
      }
      const seen = new Set<number>();
      partners.forEach((p, i) => {
        if (p.organisation === answer.organisation)
          ctx.addIssue({ code: "custom", path: ["partners", i, "organisation"], message: "must not be your own organisation" });
        else if (seen.has(p.organisation))
          ctx.addIssue({ code: "custom", path: ["partners", i, "organisation"], message: "is named twice" });
        seen.add(p.organisation);
      });
    }) as z.ZodType<ConnectionsAnswer>;
}
