import { z } from "@hono/zod-openapi";
import { INSTRUMENTS, INVOLVEMENT_CODES, type Instrument, itemCodes, TREND_CODES } from "../instrument";
import { type ConnectionsAnswer, connectionsSchema, type MaturityMarks, maturitySchema, type SurveyModules } from "./module-schemas";

/** A rating of one statement: 1 (strongly disagree) … 5 (strongly agree), or "dont_know". */
export const ANSWER_VALUES = [1, 2, 3, 4, 5, "dont_know"] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];

/** The longest comment we keep per theme, in characters. */
export const MAX_COMMENT_LENGTH = 2000;

/** What a respondent submits (POST /api/v1/s/:token/response). */
export type SurveyResponseInput = {
  answers: Record<string, AnswerValue>;
  overall?: number;
  trend?: (typeof TREND_CODES)[number];
  involvement?: (typeof INVOLVEMENT_CODES)[number];
  profile?: { organisationType?: string; professionalGroup?: string };
  comments?: Record<string, string>;
  /** Maturity matrix marks by dimension code (rounds with the maturity module). */
  maturity?: MaturityMarks;
  /** The connections page's answers (rounds with the connections module and a snapshot). */
  connections?: ConnectionsAnswer;
};

/** A half-finished survey: the same fields, none required. */
export type SurveyDraft = Partial<SurveyResponseInput>;

const objectError = (what: string) => (issue: { code: string; input?: unknown }) =>
  issue.code === "invalid_type" ? (issue.input === undefined ? "is required" : `must be ${what}`) : undefined;

const answerValue = z.literal(ANSWER_VALUES, { error: 'must be a whole number from 1 to 5, or "dont_know"' });
const commentText = z
  .string({ error: "must be text" })
  .max(MAX_COMMENT_LENGTH, { error: `must be at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters` });
const overallError = "must be a whole number from 0 to 10";
const overall = z.int({ error: overallError }).min(0, { error: overallError }).max(10, { error: overallError });
const choice = <T extends readonly [string, ...string[]]>(codes: T) => z.enum(codes, { error: `must be one of: ${codes.join(", ")}` });

/**
 * A strict object with one optional key per code: unknown codes are named one by one in the 400.
 * Without codes (the OpenAPI description), any string key.
 */
function codeRecord<T extends z.ZodType>(codes: readonly string[] | undefined, value: T, what: string) {
  const error = objectError(what);
  const schema = codes
    ? z.strictObject(Object.fromEntries(codes.map((code) => [code, value.optional()])), { error })
    : z.record(z.string(), value, { error });
  // The keys come from the instrument at run time, so TypeScript cannot see them; this states the result.
  return schema as unknown as z.ZodType<Record<string, z.output<T>>>;
}

function optionCodes(instrument: Instrument | undefined, code: "organisationType" | "professionalGroup") {
  const question = instrument?.questions.find((q) => q.code === code);
  const codes = question?.kind === "choice" ? question.options.map((option) => option.code) : [];
  const [first, ...rest] = codes;
  // Without an instrument (the OpenAPI description) any code is shown as a string.
  return first === undefined ? z.string() : choice([first, ...rest]);
}

/**
 * The fields of a response, built from an instrument's item, theme and option codes. Without an
 * instrument it is the general shape every version shares, for the OpenAPI description.
 */
function fields(instrument?: Instrument, modules?: SurveyModules) {
  const answers = codeRecord(instrument && itemCodes(instrument), answerValue, "an object of item codes");
  const themes = instrument?.themes.map((theme) => theme.code);
  const comments = codeRecord(themes, commentText, "an object of theme codes");
  const profile = z.strictObject(
    {
      organisationType: optionCodes(instrument, "organisationType").optional(),
      professionalGroup: optionCodes(instrument, "professionalGroup").optional(),
    },
    { error: objectError("an object") },
  );
  return {
    answers,
    overall: overall.optional(),
    trend: choice(TREND_CODES).optional(),
    involvement: choice(INVOLVEMENT_CODES).optional(),
    profile: profile.optional(),
    comments: comments.optional(),
    // A round without a module does not know its field: the strict object then refuses it by name.
    ...(modules === undefined || modules.maturity ? { maturity: maturitySchema().optional() } : {}),
    ...(modules === undefined || modules.organisations > 0 ? { connections: connectionsSchema(modules?.organisations).optional() } : {}),
  };
}

const rootError = { error: objectError("a JSON object") };

function buildResponse(instrument?: Instrument, modules?: SurveyModules): z.ZodType<SurveyResponseInput> {
  const { answers, ...rest } = fields(instrument, modules);
  const atLeastOne = answers.refine((value) => Object.keys(value).length > 0, {
    message: "answer at least one statement",
    when: (payload) => payload.issues.length === 0,
  });
  // Which module fields exist depends on the round, so TypeScript cannot see them; this states the result.
  return z.strictObject({ answers: atLeastOne, ...rest }, rootError) as z.ZodType<SurveyResponseInput>;
}

function buildDraft(instrument?: Instrument, modules?: SurveyModules): z.ZodType<SurveyDraft> {
  const { answers, ...rest } = fields(instrument, modules);
  return z.strictObject({ answers: answers.optional(), ...rest }, rootError) as z.ZodType<SurveyDraft>;
}

type Schemas = { response: z.ZodType<SurveyResponseInput>; draft: z.ZodType<SurveyDraft> };
const schemasOf = (instrument: Instrument, modules: SurveyModules): Schemas => ({
  response: buildResponse(instrument, modules),
  draft: buildDraft(instrument, modules),
});
const keyOf = (instrument: Instrument, modules: SurveyModules) =>
  `${instrument.id}@${instrument.version}/${modules.organisations}/${modules.maturity}`;

// Built at module load for every published instrument without modules (most rounds), read-only.
// A round with modules has its own (organisations × maturity: up to ~200 per instrument, ~5 ms
// each to build), kept in the app's memo (its SurveyStore) once built.
const SCHEMAS: ReadonlyMap<string, Schemas> = new Map(
  INSTRUMENTS.map((i) => [keyOf(i, { organisations: 0, maturity: false }), schemasOf(i, { organisations: 0, maturity: false })]),
);

/** An app's schemas of rounds with modules, by instrument version and modules (in its SurveyStore). */
export type SchemaMemo = Map<string, Schemas>;

function schemasFor(instrument: Instrument, modules: SurveyModules, memo?: SchemaMemo): Schemas {
  const key = keyOf(instrument, modules);
  const found = SCHEMAS.get(key) ?? memo?.get(key);
  if (found) return found;
  const made = schemasOf(instrument, modules);
  memo?.set(key, made);
  return made;
}

const NO_MODULES: SurveyModules = { organisations: 0, maturity: false };

/**
 * The POST body for a round on `instrument` with `modules`: known item codes rated 1–5 or "dont_know" (at least one), overall 0–10, known option and
 * theme codes; maturity and connections answers only where the round asks them.
 *
 * @example
 * parseInput(responseSchema(link.instrument, roundModules(deps.db, link.round).modules), body);
 */
export function responseSchema(
  instrument: Instrument,
  modules: SurveyModules = NO_MODULES,
  memo?: SchemaMemo,
): z.ZodType<SurveyResponseInput> {
  return schemasFor(instrument, modules, memo).response;
}

/** A saved draft for a round on `instrument` with `modules`: the response's fields, none required. */
export function draftSchema(instrument: Instrument, modules: SurveyModules = NO_MODULES, memo?: SchemaMemo): z.ZodType<SurveyDraft> {
  return schemasFor(instrument, modules, memo).draft;
}

/** The general shapes, for the OpenAPI description (each route checks codes against its round's instrument). */
export const SurveyResponseBody = buildResponse().openapi("SurveyResponse");
export const SurveyDraftBody = buildDraft().openapi("SurveyDraft");
