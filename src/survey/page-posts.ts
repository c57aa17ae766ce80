import { type Instrument, LANGUAGES, type Lang, type LocalizedInstrument } from "../instrument";
import { checkDraft, type Fields, mergeAbout, mergeTheme } from "./form";
import { aboutModel, themeModel } from "./question-model";
import type { SchemaMemo, SurveyDraft } from "./schemas";
import { afterStep, inLanguage, pageHref, type Step, type SurveyCtx } from "./survey-model";

/** What posting a survey page needs: the request's context, the instrument both ways, the draft so far. */
export interface PageInput {
  ctx: SurveyCtx;
  survey: LocalizedInstrument;
  instrument: Instrument;
  minResponses: number;
  draft: SurveyDraft;
  localize: (lang: Lang) => LocalizedInstrument;
  /** The app's schemas of rounds with modules (deps.survey.schemas). */
  schemas?: SchemaMemo;
}

/** A posted page: either the page again with its errors (400), or the draft to keep and where to go. */
export type PageOutcome = { page: string; model: object } | { draft: SurveyDraft; save: boolean; href: (ctx: SurveyCtx) => string };

/** The language the header's switch asks for, when it was the button pressed. */
export const switchedTo = (fields: Fields): Lang | undefined => LANGUAGES.find((lang) => lang === fields.switch);

/** After a valid post: the same page in the other language (switch), or the step the buttons lead to given the draft. */
export function target(input: PageInput, fields: Fields, step: Step, draft: SurveyDraft) {
  const lang = switchedTo(fields);
  const themes = input.instrument.themes.length;
  // The link's own context (a visitor of an open link gets one of their own on the first save) keeps this request's modules.
  return (ctx: SurveyCtx) => {
    const here = { ...ctx, modules: ctx.modules ?? input.ctx.modules };
    return lang ? pageHref(here, step, lang) : afterStep(here, themes, step, fields.go, draft);
  };
}

/** The context to show errors in: the language switched to, if the switch was pressed. */
export function errorContext(input: PageInput, fields: Fields) {
  const lang = switchedTo(fields);
  return lang ? { ctx: inLanguage(input.ctx, lang), survey: input.localize(lang) } : { ctx: input.ctx, survey: input.survey };
}

/** Theme page `n` posted: its answers merged into the draft and checked. */
export function postTheme(input: PageInput, n: number, fields: Fields): PageOutcome {
  const theme = input.instrument.themes[n - 1];
  if (!theme) throw new Error(`No theme ${n}`);
  const candidate = mergeTheme(input.draft, theme, fields);
  const checked = checkDraft(input.instrument, candidate, input.ctx.modules?.modules, input.schemas);
  if ("errors" in checked) {
    const { ctx, survey } = errorContext(input, fields);
    return { page: "theme", model: themeModel(ctx, survey, n, candidate, checked.errors) };
  }
  return { draft: checked.draft, save: fields.go === "save", href: target(input, fields, `theme/${n}`, checked.draft) };
}

/** The "about" page posted: merged into the draft and checked. */
export function postAbout(input: PageInput, fields: Fields): PageOutcome {
  const candidate = mergeAbout(input.draft, fields);
  const checked = checkDraft(input.instrument, candidate, input.ctx.modules?.modules, input.schemas);
  if ("errors" in checked) {
    const { ctx, survey } = errorContext(input, fields);
    return { page: "about", model: aboutModel(ctx, survey, input.minResponses, candidate, checked.errors) };
  }
  return { draft: checked.draft, save: fields.go === "save", href: target(input, fields, "about", checked.draft) };
}
