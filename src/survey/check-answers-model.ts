import { fill } from "../i18n/survey";
import type { LocalizedInstrument, LocalizedQuestion } from "../instrument";
import type { ErrorDetail } from "../lib/errors";
import { moduleSections } from "./check-answers-modules";
import { describeError, firstSentence } from "./question-model";
import type { SurveyDraft } from "./schemas";
import { errorSummary, layout, type SurveyCtx, stepHref, stepProgress } from "./survey-model";

/** The id of a section's "Change" link: where the review page's error summary sends someone. */
export const changeId = (section: string) => `change-${section}`;

function answerLabel(survey: LocalizedInstrument, value: unknown): string | undefined {
  if (value === "dont_know") return survey.scale.dontKnow;
  return typeof value === "number" ? survey.scale.labels[value - 1] : undefined;
}

function aboutAnswer(question: LocalizedQuestion, draft: SurveyDraft): string | undefined {
  if (question.kind === "rating") return draft.overall === undefined ? undefined : String(draft.overall);
  const value = question.code === "trend" || question.code === "involvement" ? draft[question.code] : draft.profile?.[question.code];
  return question.options.find((option) => option.code === value)?.label;
}

const row = (ctx: SurveyCtx, question: string, answer: string | undefined) => ({
  question,
  answer: answer ?? ctx.t.skipped,
  skipped: answer === undefined,
});

/**
 * Every answer before submitting: statement → chosen label (or "Skipped"), with a "Change" link per
 * theme. `errors` are extra summary lines (e.g. nothing answered); `details` come from the schema.
 */
export function reviewModel(
  ctx: SurveyCtx,
  survey: LocalizedInstrument,
  draft: SurveyDraft,
  problems: { errors?: { field: string; message: string }[]; details?: ErrorDetail[] } = {},
) {
  const { t } = ctx;
  // A schema error links to the "Change" link of the page that asks the field.
  const fromSchema = (problems.details ?? []).map((detail) => {
    const described = describeError(ctx, survey, detail);
    return { field: changeId(described.section), message: described.message };
  });
  const errors = [...(problems.errors ?? []), ...fromSchema];
  const themes = survey.themes.map((theme, i) => ({
    code: theme.code,
    title: theme.title,
    changeId: changeId(theme.code),
    changeHref: `${stepHref(ctx, `theme/${i + 1}`)}&from=review`,
    changeHidden: fill(t.changeHidden, { theme: theme.title.toLowerCase() }),
    rows: theme.items.map((item) => row(ctx, item.text, answerLabel(survey, draft.answers?.[item.code]))),
    comment: draft.comments?.[theme.code],
  }));
  const about = {
    code: "about",
    title: t.aboutTitle,
    changeId: changeId("about"),
    changeHref: `${stepHref(ctx, "about")}&from=review`,
    changeHidden: t.changeAboutHidden,
    rows: survey.questions.map((question) => row(ctx, firstSentence(question.text), aboutAnswer(question, draft))),
  };
  const { stepTitle, ...progress } = stepProgress(ctx, survey, "review");
  return {
    ...layout(ctx, stepTitle(t.reviewTitle), "review", { surveyName: survey.title, hasErrors: errors.length > 0 }),
    ...errorSummary(ctx, errors),
    ...progress,
    sections: [...themes, ...moduleSections(ctx, draft), about],
    action: stepHref(ctx, "submit"),
  };
}
