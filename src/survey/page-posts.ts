import { type Instrument, LANGUAGES, type Lang, type LocalizedInstrument } from "../instrument";
import { checkDraft, type Fields, mergeAbout, mergeTheme } from "./form";
import { inLanguage, nextStep, pageHref, type Step, type SurveyCtx, stepHref } from "./page-model";
import { aboutModel, themeModel } from "./question-model";
import type { SurveyDraft } from "./schemas";

/** What posting a survey page needs: the request's context, the instrument both ways, the draft so far. */
export interface PageInput {
  ctx: SurveyCtx;
  survey: LocalizedInstrument;
  instrument: Instrument;
  minResponses: number;
  draft: SurveyDraft;
  localize: (lang: Lang) => LocalizedInstrument;
}

/** A posted page: either the page again with its errors (400), or the draft to keep and where to go. */
export type PageOutcome =
  | { page: "theme" | "about"; model: object }
  | { draft: SurveyDraft; save: boolean; href: (ctx: SurveyCtx) => string };

/** The language the header's switch asks for, when it was the button pressed. */
export const switchedTo = (fields: Fields): Lang | undefined => LANGUAGES.find((lang) => lang === fields.switch);

/** After a valid post: the same page in the other language (switch), or the step the buttons lead to. */
function target(fields: Fields, step: Step, back: Step, next: Step) {
  const lang = switchedTo(fields);
  return (ctx: SurveyCtx) => (lang ? pageHref(ctx, step, lang) : stepHref(ctx, nextStep(ctx, fields.go, back, next)));
}

/** The context to show errors in: the language switched to, if the switch was pressed. */
function errorContext(input: PageInput, fields: Fields) {
  const lang = switchedTo(fields);
  return lang ? { ctx: inLanguage(input.ctx, lang), survey: input.localize(lang) } : { ctx: input.ctx, survey: input.survey };
}

/** Theme page `n` posted: its answers merged into the draft and checked. */
export function postTheme(input: PageInput, n: number, fields: Fields): PageOutcome {
  const theme = input.instrument.themes[n - 1];
  if (!theme) throw new Error(`No theme ${n}`);
  const candidate = mergeTheme(input.draft, theme, fields);
  const checked = checkDraft(input.instrument, candidate);
  if ("errors" in checked) {
    const { ctx, survey } = errorContext(input, fields);
    return { page: "theme", model: themeModel(ctx, survey, n, candidate, checked.errors) };
  }
  const last = input.instrument.themes.length;
  return {
    draft: checked.draft,
    save: fields.go === "save",
    href: target(fields, `theme/${n}`, n > 1 ? `theme/${n - 1}` : "", n < last ? `theme/${n + 1}` : "about"),
  };
}

/** The "about" page posted: merged into the draft and checked. */
export function postAbout(input: PageInput, fields: Fields): PageOutcome {
  const candidate = mergeAbout(input.draft, fields);
  const checked = checkDraft(input.instrument, candidate);
  if ("errors" in checked) {
    const { ctx, survey } = errorContext(input, fields);
    return { page: "about", model: aboutModel(ctx, survey, input.minResponses, candidate, checked.errors) };
  }
  return {
    draft: checked.draft,
    save: fields.go === "save",
    href: target(fields, "about", `theme/${input.instrument.themes.length}`, "review"),
  };
}
