import { z } from "zod";

/** Languages every text of the instrument must exist in. */
export const LANGUAGES = ["en", "nl"] as const;
export const langSchema = z.enum(LANGUAGES);
export type Lang = z.infer<typeof langSchema>;

/** The five themes of the temperature check, in the order they are asked and reported. */
export const THEME_CODES = ["purpose", "relationships", "communication", "governance", "value"] as const;
export const themeCodeSchema = z.enum(THEME_CODES);
export type ThemeCode = z.infer<typeof themeCodeSchema>;

/** Option codes that the results code relies on, so they are fixed (and ordered) here. */
export const TREND_CODES = ["worse", "same", "better", "new"] as const;
export const INVOLVEMENT_CODES = ["core", "active", "occasional"] as const;

/** Every question the instrument must ask exactly once, with the group its answers belong to. */
export const QUESTION_GROUPS = {
  overall: undefined,
  trend: "about",
  involvement: "about",
  organisationType: "profile",
  professionalGroup: "profile",
} as const;

/** Most statements a theme may have: with the five themes, it bounds the size of a stored response. */
export const MAX_THEME_ITEMS = 6;

const text = z.string().trim().min(1, "Text must not be empty");

/** One text in every supported language; a missing translation is a schema error, not a fallback. */
export const localTextSchema = z.strictObject({ en: text, nl: text });
export type LocalText = z.infer<typeof localTextSchema>;

export const itemSchema = z.strictObject({
  code: z.string(),
  text: localTextSchema,
});
export type Item = z.infer<typeof itemSchema>;

export const themeSchema = z.strictObject({
  code: themeCodeSchema,
  title: localTextSchema,
  intro: localTextSchema,
  items: z.array(itemSchema).min(4, "A theme needs at least 4 items").max(MAX_THEME_ITEMS, `A theme has at most ${MAX_THEME_ITEMS} items`),
  commentPrompt: localTextSchema,
  conversation: z
    .array(localTextSchema)
    .min(2, "A theme needs at least 2 conversation questions")
    .max(3, "A theme has at most 3 conversation questions"),
});
export type Theme = z.infer<typeof themeSchema>;

export const scaleSchema = z.strictObject({
  /** Labels for 1..5, from "strongly disagree" to "strongly agree". */
  labels: z.tuple([localTextSchema, localTextSchema, localTextSchema, localTextSchema, localTextSchema]),
  dontKnow: localTextSchema,
});
export type Scale = z.infer<typeof scaleSchema>;

export const ratingQuestionSchema = z.strictObject({
  kind: z.literal("rating"),
  code: z.literal("overall"),
  text: localTextSchema,
  min: z.literal(0),
  max: z.literal(10),
  minLabel: localTextSchema,
  maxLabel: localTextSchema,
});
export type RatingQuestion = z.infer<typeof ratingQuestionSchema>;

export const optionSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, "Option codes are snake_case"),
  label: localTextSchema,
});
export type Option = z.infer<typeof optionSchema>;

export const choiceQuestionSchema = z.strictObject({
  kind: z.literal("choice"),
  code: z.enum(["trend", "involvement", "organisationType", "professionalGroup"]),
  group: z.enum(["about", "profile"]),
  text: localTextSchema,
  options: z.array(optionSchema).min(2, "A choice question needs at least 2 options"),
});
export type ChoiceQuestion = z.infer<typeof choiceQuestionSchema>;

export const questionSchema = z.discriminatedUnion("kind", [ratingQuestionSchema, choiceQuestionSchema]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionCode = Question["code"];

const instrumentShape = z.strictObject({
  id: z.literal("core"),
  // A new version widens this literal (and adds core-v<n>.ts); old versions never change.
  version: z.literal(1),
  title: localTextSchema,
  scale: scaleSchema,
  themes: z.array(themeSchema),
  questions: z.array(questionSchema),
});

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

function issue(ctx: Ctx, path: Path, message: string): void {
  ctx.addIssue({ code: "custom", path, message });
}

function checkThemes(themes: Theme[], ctx: Ctx): void {
  if (themes.length !== THEME_CODES.length) {
    issue(ctx, ["themes"], `Expected exactly ${THEME_CODES.length} themes (${THEME_CODES.join(", ")}), got ${themes.length}`);
  }
  const seen = new Set<string>();
  themes.forEach((theme, t) => {
    const expected = THEME_CODES[t];
    if (expected !== undefined && theme.code !== expected) {
      issue(ctx, ["themes", t, "code"], `Theme ${t + 1} must be "${expected}", got "${theme.code}"`);
    }
    const pattern = new RegExp(`^${theme.code}\\.([1-9]\\d*)$`);
    theme.items.forEach((item, i) => {
      const path = ["themes", t, "items", i, "code"];
      const match = pattern.exec(item.code);
      if (!match) {
        issue(ctx, path, `Item code "${item.code}" must look like "${theme.code}.<n>"`);
      } else if (seen.has(item.code)) {
        issue(ctx, path, `Duplicate item code "${item.code}"`);
      } else if (Number(match[1]) !== i + 1) {
        issue(ctx, path, `Item codes are numbered 1..n in order: expected "${theme.code}.${i + 1}", got "${item.code}"`);
      }
      seen.add(item.code);
    });
  });
}

function checkOptions(question: ChoiceQuestion, q: number, ctx: Ctx): void {
  const codes = question.options.map((option) => option.code);
  codes.forEach((code, o) => {
    if (codes.indexOf(code) !== o) {
      issue(ctx, ["questions", q, "options", o, "code"], `Duplicate option code "${code}" in "${question.code}"`);
    }
  });
  const fixed = question.code === "trend" ? TREND_CODES : question.code === "involvement" ? INVOLVEMENT_CODES : undefined;
  if (fixed && codes.join(",") !== fixed.join(",")) {
    issue(
      ctx,
      ["questions", q, "options"],
      `"${question.code}" options must be exactly ${fixed.join(", ")} (in this order), got ${codes.join(", ")}`,
    );
  }
  const group = QUESTION_GROUPS[question.code];
  if (question.group !== group) {
    issue(ctx, ["questions", q, "group"], `"${question.code}" belongs to group "${group}", got "${question.group}"`);
  }
}

function checkQuestions(questions: Question[], ctx: Ctx): void {
  for (const code of Object.keys(QUESTION_GROUPS) as QuestionCode[]) {
    const count = questions.filter((question) => question.code === code).length;
    if (count !== 1) {
      issue(ctx, ["questions"], `Question "${code}" must appear exactly once, found ${count}`);
    }
  }
  questions.forEach((question, q) => {
    if (question.kind === "choice") checkOptions(question, q, ctx);
  });
}

/**
 * A complete instrument version: themes, items, questions and every text in every language.
 *
 * @example
 * const instrument = instrumentSchema.parse(coreV1);
 */
export const instrumentSchema = instrumentShape.superRefine((instrument, ctx) => {
  checkThemes(instrument.themes, ctx);
  checkQuestions(instrument.questions, ctx);
});
export type Instrument = z.infer<typeof instrumentSchema>;
/** What an instrument file is written as (before trimming). */
export type InstrumentInput = z.input<typeof instrumentSchema>;

/** `T` with every LocalText replaced by the string of one language. */
export type Localized<T> = T extends LocalText ? string : T extends object ? { [K in keyof T]: Localized<T[K]> } : T;
export type LocalizedInstrument = Localized<Instrument>;
export type LocalizedTheme = Localized<Theme>;
export type LocalizedQuestion = Localized<Question>;
