import { z } from "@hono/zod-openapi";
import { LANGUAGES, type Lang, localize } from "../instrument";
import { MATURITY_V1 } from "../maturity/matrix-v1";
import type { SurveyLink } from "./link";
import type { RoundModules } from "./modules";
import { type SurveyDraft, SurveyDraftBody } from "./schemas";

/** Every statement is rated on the same scale; stated per item so a client needs nothing else. */
const ITEM_SCALE = { min: 1, max: 5, dontKnow: true } as const;

const OptionSchema = z.object({ code: z.string(), label: z.string() });
const QuestionSchema = z
  .union([
    z.object({
      kind: z.literal("rating"),
      code: z.literal("overall"),
      text: z.string(),
      min: z.number(),
      max: z.number(),
      minLabel: z.string(),
      maxLabel: z.string(),
    }),
    z.object({
      kind: z.literal("choice"),
      code: z.string(),
      group: z.enum(["about", "profile"]),
      text: z.string(),
      options: z.array(OptionSchema),
    }),
  ])
  .openapi("SurveyQuestion");

/** What `GET /api/v1/s/:token` answers: the round, the instrument in one language, the saved draft. */
export const SurveyViewSchema = z
  .object({
    language: z.enum(LANGUAGES).openapi({ description: "The language of every text below" }),
    round: z.object({ title: z.string(), closesAt: z.string().nullable(), language: z.enum(LANGUAGES) }),
    instrument: z.object({
      id: z.string(),
      version: z.number(),
      title: z.string(),
      scale: z.object({ labels: z.array(z.string()), dontKnow: z.string() }).openapi({ description: "Labels for 1..5 and for don't know" }),
      themes: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          intro: z.string(),
          commentPrompt: z.string(),
          items: z.array(
            z.object({
              code: z.string(),
              text: z.string(),
              scale: z.object({ min: z.literal(1), max: z.literal(5), dontKnow: z.literal(true) }),
            }),
          ),
        }),
      ),
      questions: z.array(QuestionSchema),
    }),
    connections: z
      .object({
        organisations: z
          .array(z.object({ position: z.number(), name: z.string(), type: z.string() }))
          .openapi({ description: "The round's organisations; answers name them by `position`" }),
      })
      .nullable()
      .openapi({ description: "The connections page, when the round asks it (levels 1–4; trust and value 1–4 from level 2 up)" }),
    maturity: z
      .object({
        now: z.string(),
        inAYear: z.string(),
        dontKnow: z.string(),
        levels: z.array(z.string()).openapi({ description: "Labels for levels 1..4" }),
        dimensions: z.array(z.object({ code: z.string(), title: z.string(), descriptors: z.array(z.string()) })),
      })
      .nullable()
      .openapi({ description: "The maturity matrix, when the round asks it" }),
    draft: SurveyDraftBody.nullable(),
  })
  .openapi("Survey");
export type SurveyView = z.infer<typeof SurveyViewSchema>;

/** The survey as JSON in `lang`, for integrations and kiosks (the HTML pages render the same data). */
export function surveyView(link: SurveyLink, lang: Lang, draft: SurveyDraft | null, modules?: RoundModules): SurveyView {
  const localized = localize(link.instrument, lang);
  const asked = modules?.modules;
  return {
    language: lang,
    round: { title: link.round.title, closesAt: link.round.closesAt?.toISOString() ?? null, language: link.round.language },
    instrument: {
      id: localized.id,
      version: localized.version,
      title: localized.title,
      scale: { labels: [...localized.scale.labels], dontKnow: localized.scale.dontKnow },
      themes: localized.themes.map((theme) => ({
        code: theme.code,
        title: theme.title,
        intro: theme.intro,
        commentPrompt: theme.commentPrompt,
        items: theme.items.map((item) => ({ code: item.code, text: item.text, scale: ITEM_SCALE })),
      })),
      questions: localized.questions,
    },
    connections:
      asked && asked.organisations > 0
        ? { organisations: (modules?.organisations ?? []).map(({ position, name, type }) => ({ position, name, type })) }
        : null,
    maturity: asked?.maturity
      ? {
          now: MATURITY_V1.questions.current[lang],
          inAYear: MATURITY_V1.questions.target[lang],
          dontKnow: MATURITY_V1.questions.dontKnow[lang],
          levels: MATURITY_V1.levels.map((level) => level.title[lang]),
          dimensions: MATURITY_V1.dimensions.map((d) => ({
            code: d.code,
            title: d.title[lang],
            descriptors: d.descriptors.map((text) => text[lang]),
          })),
        }
      : null,
    draft,
  };
}
