import { LANGUAGES, type Lang, type LocalizedInstrument } from "../instrument";
import type { ErrorDetail } from "../lib/errors";
import type { SurveyLink } from "./link";
import { fill, formatDate, type Messages, messages } from "./messages";
import type { SurveyDraft } from "./schemas";

/** What every survey page needs to know about the request it answers. */
export interface SurveyCtx {
  lang: Lang;
  t: Messages;
  /** "/s/<token>": the only place the token appears in a page is in the flow's own links and forms. */
  base: string;
}

/** The steps of the flow, as paths under /s/<token>. */
export type Step = "" | `theme/${number}` | "about" | "review" | "submit" | "saved" | "thanks";

export const LINK_PROBLEMS = ["not_found", "gone", "already_submitted", "not_ready"] as const;
export type LinkProblem = (typeof LINK_PROBLEMS)[number] | "no_page";

const LANGUAGE_NAMES: Record<Lang, string> = { en: "English", nl: "Nederlands" };

export function surveyCtx(token: string, lang: Lang): SurveyCtx {
  return { lang, t: messages(lang), base: `/s/${encodeURIComponent(token)}` };
}

/**
 * A link to a step that keeps the language: `?lang` rides along on every link and form action, so
 * a choice made with the switch holds through the flow without a cookie.
 */
export function stepHref(ctx: SurveyCtx, step: Step, lang: Lang = ctx.lang): string {
  return `${ctx.base}${step ? `/${step}` : ""}?lang=${lang}`;
}

/**
 * The layout's data: `<html lang>`, a descriptive `<title>` ("Theme 2 of 5: Purpose — Network
 * temperature check", prefixed "Error:" when the page shows errors) and the language switch,
 * whose links reopen `step` in the other language.
 */
export function layout(ctx: SurveyCtx, heading: string, step: Step, options: { surveyName?: string; hasErrors?: boolean } = {}) {
  const page = options.hasErrors ? fill(ctx.t.errorPrefix, { page: heading }) : heading;
  return {
    lang: ctx.lang,
    t: ctx.t,
    title: fill(ctx.t.pageTitle, { page, survey: options.surveyName ?? ctx.t.surveyName }),
    langLinks: LANGUAGES.map((code) => ({
      code,
      label: LANGUAGE_NAMES[code],
      href: stepHref(ctx, step, code),
      current: code === ctx.lang,
    })),
  };
}

/** Errors for the error-summary partial: each links to its field's id. */
export function errorSummary(ctx: SurveyCtx, errors: ErrorDetail[]) {
  return errors.length ? { errors, errorTitle: ctx.t.errorTitle } : {};
}

/** Where "Continue" takes someone back: the step after the furthest one they have filled in. */
export function resumeStep(survey: LocalizedInstrument, draft: SurveyDraft | null): Step {
  if (!draft) return "theme/1";
  const aboutDone = ["overall", "trend", "involvement"].some((k) => draft[k as keyof SurveyDraft] !== undefined);
  if (aboutDone || Object.keys(draft.profile ?? {}).length > 0) return "review";
  let furthest = 0;
  survey.themes.forEach((theme, i) => {
    const answered = theme.items.some((item) => draft.answers?.[item.code] !== undefined) || Boolean(draft.comments?.[theme.code]);
    if (answered) furthest = i + 1;
  });
  return furthest >= survey.themes.length ? "about" : `theme/${furthest + 1}`;
}

export function welcomeModel(ctx: SurveyCtx, link: Pick<SurveyLink, "round">, survey: LocalizedInstrument, draft: SurveyDraft | null) {
  const { t } = ctx;
  const themes = survey.themes.map((theme) => theme.title.toLowerCase()).join(", ");
  return {
    ...layout(ctx, link.round.title, "", { surveyName: survey.title }),
    heading: survey.title,
    roundTitle: link.round.title,
    intro: fill(t.welcomeIntro, { themes }),
    whoSeesResults: fill(t.whoSeesResults, { n: link.round.minResponses }),
    closesOn: link.round.closesAt ? fill(t.closesOn, { date: formatDate(link.round.closesAt, ctx.lang) }) : undefined,
    startLabel: draft ? t.continue : t.start,
    startHref: stepHref(ctx, resumeStep(survey, draft)),
  };
}

export function savedModel(ctx: SurveyCtx, link: Pick<SurveyLink, "round">, survey: LocalizedInstrument) {
  const { t } = ctx;
  const closesAt = link.round.closesAt;
  return {
    ...layout(ctx, t.savedTitle, "saved", { surveyName: survey.title }),
    until: closesAt ? fill(t.savedUntil, { date: formatDate(closesAt, ctx.lang) }) : t.savedOpen,
    carryOnHref: stepHref(ctx, ""),
  };
}

export function thanksModel(ctx: SurveyCtx) {
  return layout(ctx, ctx.t.thanksTitle, "thanks");
}

const PROBLEM_TEXT: Record<LinkProblem, (t: Messages) => { heading: string; body?: string }> = {
  not_found: (t) => ({ heading: t.notFoundTitle, body: t.notFoundBody }),
  gone: (t) => ({ heading: t.goneTitle, body: t.goneBody }),
  already_submitted: (t) => ({ heading: t.submittedTitle, body: t.submittedBody }),
  not_ready: (t) => ({ heading: t.notReadyTitle, body: t.notReadyBody }),
  no_page: (t) => ({ heading: t.noPageTitle }),
};

/** A link that cannot be answered (or a page that does not exist), explained in the respondent's language. */
export function problemModel(ctx: SurveyCtx, problem: LinkProblem, step: Step) {
  const text = PROBLEM_TEXT[problem](ctx.t);
  return {
    ...layout(ctx, text.heading, step),
    ...text,
    startHref: problem === "no_page" ? stepHref(ctx, "") : undefined,
  };
}
