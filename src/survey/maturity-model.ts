import { fill } from "../i18n/survey";
import type { LocalizedInstrument } from "../instrument";
import { MATURITY_V1 } from "../maturity/matrix-v1";
import { MATURITY_PAGES } from "./flow";
import { radioId } from "./form";
import type { ModulePageErrors } from "./module-errors";
import type { MaturityMarks } from "./module-schemas";
import { layout, maturityDimensions, pageHref, type SurveyCtx, stepProgress } from "./survey-model";

/** The name of the radios for one side of one dimension. */
export const maturityField = (dimension: string, side: "current" | "target") => `maturity.${dimension}.${side}`;

/**
 * Maturity page `n`: two dimensions of the matrix, each asked twice — where the network is now and
 * where it should be in a year — with the four levels' descriptors as the options, plus "don't know".
 */
export function maturityModel(
  ctx: SurveyCtx,
  survey: LocalizedInstrument,
  n: number,
  minResponses: number,
  values: { maturity?: MaturityMarks },
  errors: ModulePageErrors,
) {
  const { lang, t } = ctx;
  const { stepTitle, ...progress } = stepProgress(ctx, survey, `maturity/${n}`);
  const heading = fill(t.maturityPartTitle, { title: t.maturityTitle, n, total: MATURITY_PAGES });
  const question = (dimension: string, descriptors: readonly { en: string; nl: string }[], side: "current" | "target") => {
    const name = maturityField(dimension, side);
    const current = values.maturity?.[dimension]?.[side];
    const options = [
      ...MATURITY_V1.levels.map((level, i) => ({
        value: (i + 1) as number | string,
        label: `${level.title[lang]}: ${descriptors[i]?.[lang] ?? ""}`,
        muted: false,
      })),
      { value: "dont_know", label: MATURITY_V1.questions.dontKnow[lang], muted: true },
    ];
    return {
      name,
      legend: MATURITY_V1.questions[side][lang],
      error: errors.byName[name],
      errorId: radioId(name, "error"),
      choices: options.map((o) => ({
        ...o,
        id: radioId(name, o.value),
        checked: current !== undefined && String(current) === String(o.value),
      })),
    };
  };
  return {
    ...layout(ctx, stepTitle(heading), `maturity/${n}`, {
      surveyName: survey.title,
      hasErrors: errors.summary.errors !== undefined,
      form: true,
    }),
    ...errors.summary,
    ...progress,
    heading,
    intro: fill(t.maturityIntro, { n: minResponses }),
    action: pageHref(ctx, `maturity/${n}`),
    dimensions: maturityDimensions(n).map((d) => ({
      title: d.title[lang],
      headingId: `dimension-${d.code}`,
      current: question(d.code, d.descriptors, "current"),
      target: question(d.code, d.descriptors, "target"),
    })),
  };
}
