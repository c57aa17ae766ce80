import { fill } from "../i18n/survey";
import type { LocalizedInstrument, LocalizedQuestion } from "../instrument";
import type { ErrorDetail } from "../lib/errors";
import { commentField, commentId, fieldRef, radioId } from "./form";
import { errorSummary, layout, pageHref, type SurveyCtx, stepProgress } from "./survey-model";

/** What a page is filled in with: the saved draft, or the fields just posted when they need correcting. */
export interface Values {
  answers?: Record<string, unknown>;
  comments?: Record<string, unknown>;
  profile?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A question's text up to its first sentence: enough to name it in an error message. */
export const firstSentence = (text: string) => text.split(/(?<=[?.…])\s/)[0] ?? text;

/** One wrong field as a page shows it: which input (`name`), where the summary links (`id`), and where it is asked. */
export interface PageError {
  name: string;
  id: string;
  message: string;
  /** The theme code whose page asks it, or "about". */
  section: string;
}

function firstValue(question: LocalizedQuestion): string | number {
  return question.kind === "rating" ? question.min : (question.options[0]?.code ?? "");
}

/** Turns a schema error ("answers.purpose.1: …") into a message a respondent can act on, in their language. */
export function describeError(ctx: SurveyCtx, survey: LocalizedInstrument, detail: ErrorDetail): PageError {
  const { t } = ctx;
  // A module's answers are checked on their own pages; on Check answers an error names the section.
  const module = ["connections", "maturity"].find((code) => detail.field === code || detail.field.startsWith(`${code}.`));
  if (module) return { name: detail.field, id: "main", message: t.errorTitle, section: module };
  const ref = fieldRef(detail.field);
  if (ref?.kind === "answer") {
    const theme = survey.themes.find((th) => th.items.some((item) => item.code === ref.code));
    const item = theme?.items.find((it) => it.code === ref.code);
    if (theme && item)
      return { name: ref.code, id: radioId(ref.code, 1), message: fill(t.errorChoice, { label: item.text }), section: theme.code };
  }
  if (ref?.kind === "comment") {
    return { name: commentField(ref.theme), id: commentId(ref.theme), message: t.errorComment, section: ref.theme };
  }
  const question = ref?.kind === "about" ? survey.questions.find((q) => q.code === ref.name) : undefined;
  if (question) {
    const label = firstSentence(question.text);
    return {
      name: question.code,
      id: radioId(question.code, firstValue(question)),
      message: fill(t.errorChoice, { label }),
      section: "about",
    };
  }
  // Not a field of any page (cannot come from our forms): still say so rather than drop it.
  return { name: detail.field, id: "main", message: t.errorTitle, section: "about" };
}

function pageErrors(ctx: SurveyCtx, survey: LocalizedInstrument, details: ErrorDetail[]) {
  const described = details.map((detail) => describeError(ctx, survey, detail));
  const byName = Object.fromEntries(described.map((e) => [e.name, e.message]));
  return {
    byName,
    summary: errorSummary(
      ctx,
      described.map((e) => ({ field: e.id, message: e.message })),
    ),
  };
}

/** One theme's page: progress, a fieldset per statement with six radios, the comment box. */
export function themeModel(ctx: SurveyCtx, survey: LocalizedInstrument, n: number, values: Values, details: ErrorDetail[] = []) {
  const theme = survey.themes[n - 1];
  if (!theme) throw new Error(`No theme ${n}`);
  const { byName, summary } = pageErrors(ctx, survey, details);
  const scale = [
    ...survey.scale.labels.map((label, i) => ({ value: i + 1, label, muted: false })),
    { value: "dont_know", label: survey.scale.dontKnow, muted: true },
  ];
  const comment = values.comments?.[theme.code];
  const { stepTitle, ...progress } = stepProgress(ctx, survey, `theme/${n}`);
  return {
    ...layout(ctx, stepTitle(theme.title), `theme/${n}`, { surveyName: survey.title, hasErrors: details.length > 0, form: true }),
    ...summary,
    ...progress,
    theme,
    action: pageHref(ctx, `theme/${n}`),
    items: theme.items.map((item) => ({
      code: item.code,
      text: item.text,
      error: byName[item.code],
      errorId: radioId(item.code, "error"),
      choices: scale.map((c) => ({
        ...c,
        id: radioId(item.code, c.value),
        checked: String(values.answers?.[item.code]) === String(c.value),
      })),
    })),
    comment: {
      name: commentField(theme.code),
      id: commentId(theme.code),
      label: theme.commentPrompt,
      value: typeof comment === "string" ? comment : "",
      error: byName[commentField(theme.code)],
    },
  };
}

function aboutQuestion(ctx: SurveyCtx, question: LocalizedQuestion, values: Values, error: string | undefined) {
  const current = question.kind === "choice" && question.group === "profile" ? values.profile?.[question.code] : values[question.code];
  const choice = (value: string | number, label: string) => ({
    id: radioId(question.code, value === "" ? "none" : value),
    value,
    label,
    checked: current !== undefined && String(current) === String(value),
  });
  const base = { name: question.code, legend: question.text, error, errorId: radioId(question.code, "error") };
  if (question.kind === "rating") {
    const values = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
    return {
      ...base,
      rating: true,
      endsId: radioId(question.code, "ends"),
      minLabel: `${question.min}: ${question.minLabel}`,
      maxLabel: `${question.max}: ${question.maxLabel}`,
      choices: values.map((v) => choice(v, String(v))),
    };
  }
  const choices = question.options.map((option) => choice(option.code, option.label));
  // Profile questions can be declined outright, not just left alone (a radio cannot be unticked).
  if (question.group === "profile") choices.push({ ...choice("", ctx.t.preferNotToSay), checked: false });
  // Background answers can single out someone who is the only one of their kind among those who
  // answered: no storage or threshold can hide that, so members are told they may skip them.
  const background = question.group === "profile" || question.code === "involvement";
  return { ...base, rating: false, choices, ...(background ? { hint: ctx.t.backgroundHint, hintId: radioId(question.code, "hint") } : {}) };
}

/** The last questions: the overall rating, trend, involvement and the two profile questions. */
export function aboutModel(ctx: SurveyCtx, survey: LocalizedInstrument, minResponses: number, values: Values, details: ErrorDetail[] = []) {
  const { byName, summary } = pageErrors(ctx, survey, details);
  const { stepTitle, ...progress } = stepProgress(ctx, survey, "about");
  return {
    ...layout(ctx, stepTitle(ctx.t.aboutTitle), "about", { surveyName: survey.title, hasErrors: details.length > 0, form: true }),
    ...summary,
    ...progress,
    intro: fill(ctx.t.aboutIntro, { n: minResponses }),
    action: pageHref(ctx, "about"),
    questions: survey.questions.map((question) => aboutQuestion(ctx, question, values, byName[question.code])),
  };
}
