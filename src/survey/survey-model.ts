import { LANGUAGE_NAMES } from "../i18n/languages";
import { fill, formatDate, type Messages, messages } from "../i18n/survey";
import { LANGUAGES, type Lang, type LocalizedInstrument } from "../instrument";
import type { ErrorDetail } from "../lib/errors";
import { MATURITY_V1 } from "../maturity/matrix-v1";
import { DIMENSIONS_PER_PAGE, groupOf, MATURITY_PAGES, neighbours, type Step, surveySteps } from "./flow";
import { asksModules, surveyMinutes } from "./length";
import type { RoundRow, SurveyLink } from "./link";
import type { RoundModules } from "./modules";
import type { SurveyDraft } from "./schemas";

export type { Step } from "./flow";

/** What every survey page needs to know about the request it answers. */
export interface SurveyCtx {
  lang: Lang;
  t: Messages;
  /**
   * "/s/<token>" (a personal link) or "/o/<code>" (an open link, before anything is saved): the
   * only place the token appears in a page is in the flow's own links and forms.
   */
  base: string;
  /** The page was reached with "Change" on Check answers: Next (and Back) return there. */
  fromReview?: boolean;
  /** The network's time zone, for the closing time (else the language's usual one). */
  timeZone?: string;
  /** What the round asks after the themes (none when absent). */
  modules?: RoundModules;
}

export const LINK_PROBLEMS = ["not_found", "gone", "already_submitted", "not_ready"] as const;
export type LinkProblem = (typeof LINK_PROBLEMS)[number] | "no_page";

/** The form of the theme and about pages; the language switch submits it from the header. */
export const SURVEY_FORM_ID = "survey-form";

export function surveyCtx(token: string, lang: Lang, fromReview = false): SurveyCtx {
  return { lang, t: messages(lang), base: `/s/${encodeURIComponent(token)}`, fromReview };
}

/** The pages of an open link before anything is saved: the same flow under /o/<code>. */
export function openCtx(code: string, lang: Lang, fromReview = false): SurveyCtx {
  return { lang, t: messages(lang), base: `/o/${encodeURIComponent(code)}`, fromReview };
}

/** The same request in another language (the switch was pressed on a page with errors). */
export function inLanguage(ctx: SurveyCtx, lang: Lang): SurveyCtx {
  return { ...ctx, lang, t: messages(lang) };
}

/**
 * A link to a step that keeps the language: `?lang` rides along on every link and form action, so
 * a choice made with the switch holds through the flow without a cookie.
 */
export function stepHref(ctx: SurveyCtx, step: Step, lang: Lang = ctx.lang): string {
  return `${ctx.base}${step ? `/${step}` : ""}?lang=${lang}`;
}

/** A page's own address (its form action, its language switch), still returning to Check answers if it was reached from there. */
export function pageHref(ctx: SurveyCtx, step: Step, lang: Lang = ctx.lang): string {
  return `${stepHref(ctx, step, lang)}${ctx.fromReview ? "&from=review" : ""}`;
}

/** Every question page of the round the request is about, then Check answers. */
export const stepsOf = (ctx: SurveyCtx, survey: Pick<LocalizedInstrument, "themes">) =>
  surveySteps(survey.themes.length, ctx.modules?.modules);

/**
 * Where a page's buttons lead: Back / Next to the neighbouring pages that apply (a skipped
 * organisation skips its partners), Save and finish later to the saved page. A page opened with
 * "Change" returns to Check answers, except that a module's pages are walked through in turn
 * first, since the later ones depend on the earlier (partners follow your organisation).
 */
export function afterStep(ctx: SurveyCtx, themes: number, step: Step, go: string | undefined, draft?: SurveyDraft): string {
  if (go === "save") return stepHref(ctx, "saved");
  const { back, next } = neighbours(surveySteps(themes, ctx.modules?.modules), step, draft);
  if (!ctx.fromReview) return stepHref(ctx, go === "back" ? back : next);
  const group = groupOf(step);
  const within = go !== "back" && group !== "theme" && next !== "review" && groupOf(next) === group;
  return within ? pageHref(ctx, next) : stepHref(ctx, "review");
}

/** "Step 3 of 9": every theme, the modules' pages, then "about you", then Check answers. */
export function stepProgress(ctx: SurveyCtx, survey: Pick<LocalizedInstrument, "themes">, step: Step) {
  const steps = stepsOf(ctx, survey);
  const total = steps.length;
  const n = steps.indexOf(step) + 1;
  return {
    progress: fill(ctx.t.stepProgress, { n, total }),
    // The bar is decorative (the text says it); CSS has a width class per fifth.
    progressClass: `w${Math.min(5, Math.max(1, Math.round((n / total) * 5)))}`,
    stepTitle: (page: string) => fill(ctx.t.stepTitle, { n, total, page }),
  };
}

/**
 * The layout's data: `<html lang>`, a descriptive `<title>` ("Step 2 of 7: Relationships — Network
 * temperature check", prefixed "Error:" when the page shows errors) and the language switch. On a
 * page with a form (`form: true`) the switch is made of submit buttons of that form, so that what
 * was ticked is saved before the page is shown in the other language; elsewhere it is links.
 */
export function layout(
  ctx: SurveyCtx,
  heading: string,
  step: Step,
  options: { surveyName?: string; hasErrors?: boolean; form?: boolean } = {},
) {
  const page = options.hasErrors ? fill(ctx.t.errorPrefix, { page: heading }) : heading;
  return {
    lang: ctx.lang,
    t: ctx.t,
    title: fill(ctx.t.pageTitle, { page, survey: options.surveyName ?? ctx.t.surveyName }),
    switchForm: options.form ? SURVEY_FORM_ID : undefined,
    langLinks: LANGUAGES.map((code) => ({
      code,
      label: LANGUAGE_NAMES[code],
      href: pageHref(ctx, step, code),
      current: code === ctx.lang,
    })),
  };
}

/** Errors for the error-summary partial: each links to its field's id. */
export function errorSummary(ctx: SurveyCtx, errors: ErrorDetail[]) {
  return errors.length ? { errors, errorTitle: ctx.t.errorTitle } : {};
}

/**
 * Where "Continue" takes someone back: the first theme with a statement not answered yet (a
 * statement left out on purpose is asked again there, never skipped silently), then the modules'
 * first page not answered at all, then "about you" if it was never filled in, then Check answers.
 */
export function resumeStep(survey: LocalizedInstrument, draft: SurveyDraft | null, modules?: RoundModules): Step {
  if (!draft) return "theme/1";
  const open = survey.themes.findIndex((theme) => theme.items.some((item) => draft.answers?.[item.code] === undefined));
  if (open >= 0) return `theme/${open + 1}`;
  if (modules && modules.modules.organisations > 0 && draft.connections?.organisation === undefined) return "connections/1";
  if (modules?.modules.maturity) {
    const codes = Object.keys(draft.maturity ?? {});
    for (let page = 1; page <= MATURITY_PAGES; page++) {
      const dims = maturityDimensions(page).map((d) => d.code);
      if (!dims.some((code) => codes.includes(code))) return `maturity/${page}`;
    }
  }
  const aboutDone = ["overall", "trend", "involvement"].some((k) => draft[k as keyof SurveyDraft] !== undefined);
  return aboutDone || Object.keys(draft.profile ?? {}).length > 0 ? "review" : "about";
}

/** The dimensions of the maturity matrix asked on page `page` (1, 2, …). */
export const maturityDimensions = (page: number) =>
  MATURITY_V1.dimensions.slice((page - 1) * DIMENSIONS_PER_PAGE, page * DIMENSIONS_PER_PAGE);

/** What the round asks after the themes, in a sentence (none for the themes alone), and about how long it all takes. */
export function surveyLength(t: Messages, modules: RoundModules["modules"] | undefined) {
  const { connections, maturity } = asksModules(modules);
  const also = connections && maturity ? t.welcomeBoth : connections ? t.welcomeConnections : maturity ? t.welcomeMaturity : undefined;
  return { also, time: fill(t.welcomeTime, { minutes: surveyMinutes(modules) }) };
}

/**
 * How someone reached the welcome page: a member's personal link, the link of their own a visitor
 * of an open link got when saving, or the shared open link itself (perhaps answered from this
 * browser before).
 */
export type Arrival = { kind: "personal" } | { kind: "own" } | { kind: "shared"; answeredBefore: boolean };

/**
 * The welcome page. It says what is true for this kind of link: a personal link is theirs (and its
 * use is visible to the facilitator); a shared link is not, and starts afresh.
 */
export function welcomeModel(ctx: SurveyCtx, round: RoundRow, survey: LocalizedInstrument, draft: SurveyDraft | null, arrival: Arrival) {
  const { t } = ctx;
  const themes = survey.themes.map((theme) => theme.title.toLowerCase()).join(", ");
  const shared = arrival.kind === "shared";
  return {
    ...layout(ctx, round.title, "", { surveyName: survey.title }),
    heading: survey.title,
    roundTitle: round.title,
    intro: fill(t.welcomeIntro, { themes }),
    ...surveyLength(t, ctx.modules?.modules),
    answeredBefore: shared && arrival.answeredBefore ? t.answeredBefore : undefined,
    linkNote: shared ? t.sharedLink : t.personalLink,
    // A link made through the open link belongs to no member: the facilitator sees only counts.
    linkSeen: arrival.kind === "personal" ? t.linkSeen : t.sharedSeen,
    comeBack: shared ? t.comeBackShared : t.comeBack,
    whoSeesResults: fill(t.whoSeesResults, { n: round.minResponses }),
    closesOn: round.closesAt ? fill(t.closesOn, { date: formatDate(round.closesAt, ctx.lang, ctx.timeZone) }) : undefined,
    startLabel: draft ? t.continue : t.start,
    startHref: stepHref(ctx, resumeStep(survey, draft, ctx.modules)),
  };
}

/**
 * The saved page. Someone who came through a shared open link gets their own link to carry on
 * with, written out to bookmark or copy (no script needed), and is told the shared one starts afresh.
 */
export function savedModel(ctx: SurveyCtx, link: Pick<SurveyLink, "round">, survey: LocalizedInstrument, ownUrl?: string) {
  const { t } = ctx;
  const closesAt = link.round.closesAt;
  const date = closesAt ? formatDate(closesAt, ctx.lang, ctx.timeZone) : undefined;
  return {
    ...layout(ctx, t.savedTitle, "saved", { surveyName: survey.title }),
    until: date ? fill(t.savedUntil, { date }) : t.savedOpen,
    own: ownUrl && {
      url: ownUrl,
      until: date ? fill(t.ownLinkUntil, { date }) : t.ownLinkOpen,
    },
    carryOnHref: stepHref(ctx, ""),
  };
}

export function thanksModel(ctx: SurveyCtx, sharedLink = false) {
  return { ...layout(ctx, ctx.t.thanksTitle, "thanks"), answeredBefore: sharedLink ? ctx.t.answeredBefore : undefined };
}

const PROBLEM_TEXT: Record<LinkProblem, (t: Messages) => { heading: string; body?: string }> = {
  not_found: (t) => ({ heading: t.notFoundTitle, body: t.notFoundBody }),
  gone: (t) => ({ heading: t.goneTitle, body: t.goneBody }),
  already_submitted: (t) => ({ heading: t.submittedTitle, body: t.submittedBody }),
  not_ready: (t) => ({ heading: t.notReadyTitle, body: t.notReadyBody }),
  no_page: (t) => ({ heading: t.noPageTitle }),
};

/**
 * A link that cannot be answered (or a page that does not exist), explained in the respondent's
 * language; a closed round points to its members' mirror when one is published.
 */
export function problemModel(ctx: SurveyCtx, problem: LinkProblem, step: Step, mirrorHref?: string) {
  const text = PROBLEM_TEXT[problem](ctx.t);
  return {
    ...layout(ctx, text.heading, step),
    ...text,
    startHref: problem === "no_page" ? stepHref(ctx, "") : undefined,
    mirrorHref: problem === "gone" ? mirrorHref : undefined,
  };
}
