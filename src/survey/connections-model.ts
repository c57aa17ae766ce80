import type { RoundOrganisationRow } from "../db/schema";
import type { Messages } from "../i18n/survey";
import { fill } from "../i18n/survey";
import type { LocalizedInstrument } from "../instrument";
import { radioId } from "./form";
import type { ModulePageErrors } from "./module-errors";
import type { ConnectionsAnswer } from "./module-schemas";
import { layout, pageHref, type SurveyCtx, stepProgress } from "./survey-model";

// The connections module's three pages: (1) your organisation, (2) the partners your organisation
// worked with, grouped by type, (3) for each ticked partner, how you work together and from level 2
// up trust and value. Plain forms: no script decides what is shown, so page 3 shows both ratings for
// every partner and says they count only from "cooperate" up (the form drops them below that).

/** The names of the connections pages' fields. */
export const CONNECTION_FIELDS = {
  organisation: "organisation",
  partner: (position: number) => `partner.${position}`,
  level: (position: number) => `level.${position}`,
  trust: (position: number) => `trust.${position}`,
  value: (position: number) => `value.${position}`,
};

/** The four levels' labels: 1 aware … 4 integrate, with what each means. */
export const levelLabels = (t: Messages) => [t.levelAware, t.levelCooperate, t.levelCoordinate, t.levelIntegrate];
/** Trust and value, 1 … 4. */
export const ratingLabels = (t: Messages) => [t.ratingNotAtAll, t.ratingALittle, t.ratingMostly, t.ratingCompletely];

type Values = { connections?: ConnectionsAnswer };

function radios(name: string, current: unknown, options: { value: string | number; label: string }[]) {
  return options.map((option) => ({
    id: radioId(name, option.value),
    value: option.value,
    label: option.label,
    checked: current !== undefined && String(current) === String(option.value),
  }));
}

/** What every connections page shows around its question. */
function frame(ctx: SurveyCtx, survey: LocalizedInstrument, n: number, minResponses: number, errors: ModulePageErrors) {
  const { stepTitle, ...progress } = stepProgress(ctx, survey, `connections/${n}`);
  return {
    ...layout(ctx, stepTitle(ctx.t.connectionsTitle), `connections/${n}`, {
      surveyName: survey.title,
      hasErrors: errors.summary.errors !== undefined,
      form: true,
    }),
    ...errors.summary,
    ...progress,
    heading: ctx.t.connectionsTitle,
    shown: fill(ctx.t.connectionsShown, { n: minResponses }),
    apart: ctx.t.connectionsApart,
    action: pageHref(ctx, `connections/${n}`),
  };
}

/** Page 1: "Which organisation do you mainly work for?" — the round's organisations, not listed, prefer not to say. */
export function ownOrganisationModel(
  ctx: SurveyCtx,
  survey: LocalizedInstrument,
  organisations: RoundOrganisationRow[],
  minResponses: number,
  values: Values,
  errors: ModulePageErrors,
) {
  const name = CONNECTION_FIELDS.organisation;
  const current = values.connections?.organisation;
  return {
    ...frame(ctx, survey, 1, minResponses, errors),
    question: {
      name,
      legend: ctx.t.ownQuestion,
      hint: ctx.t.ownSkipHint,
      hintId: radioId(name, "hint"),
      error: errors.byName[name],
      errorId: radioId(name, "error"),
      choices: radios(name, current, [
        ...organisations.map((o) => ({ value: o.position, label: o.name })),
        { value: "not_listed", label: ctx.t.notListed },
        { value: "prefer_not_to_say", label: ctx.t.preferNotToSay },
      ]),
    },
  };
}

/** The round's organisations other than `own`, grouped by type in the instrument's order of types (unknown types last, as "Other"). */
function byType(ctx: SurveyCtx, survey: LocalizedInstrument, organisations: RoundOrganisationRow[], own: unknown) {
  const typeQuestion = survey.questions.find((q) => q.code === "organisationType");
  const types = typeQuestion?.kind === "choice" ? typeQuestion.options : [];
  const others = organisations.filter((o) => o.position !== own);
  const known = new Set(types.map((type) => type.code));
  const groups = [
    ...types.map((type) => ({ code: type.code, label: type.label, members: others.filter((o) => o.type === type.code) })),
    { code: "unknown", label: ctx.t.otherType, members: others.filter((o) => !known.has(o.type)) },
  ];
  return groups.filter((group) => group.members.length > 0);
}

/** Page 2: a checklist of the other organisations, grouped by type. */
export function partnersModel(
  ctx: SurveyCtx,
  survey: LocalizedInstrument,
  organisations: RoundOrganisationRow[],
  minResponses: number,
  values: Values,
  errors: ModulePageErrors,
) {
  const ticked = new Set((values.connections?.partners ?? []).map((p) => p.organisation));
  return {
    ...frame(ctx, survey, 2, minResponses, errors),
    legend: ctx.t.partnersQuestion,
    hint: ctx.t.partnersHint,
    groups: byType(ctx, survey, organisations, values.connections?.organisation).map((group) => ({
      legend: group.label,
      items: group.members.map((o) => ({
        id: radioId("partner", o.position),
        name: CONNECTION_FIELDS.partner(o.position),
        label: o.name,
        checked: ticked.has(o.position),
      })),
    })),
  };
}

/** Page 3: for each ticked partner, the level and the two ratings. */
export function levelsModel(
  ctx: SurveyCtx,
  survey: LocalizedInstrument,
  organisations: RoundOrganisationRow[],
  minResponses: number,
  values: Values,
  errors: ModulePageErrors,
) {
  const { t } = ctx;
  const names = new Map(organisations.map((o) => [o.position, o.name]));
  const levels = levelLabels(t).map((label, i) => ({ value: i + 1, label }));
  const ratings = ratingLabels(t).map((label, i) => ({ value: i + 1, label: `${i + 1} ${label}` }));
  const partners = (values.connections?.partners ?? []).filter((p) => names.has(p.organisation));
  const question = (name: string, legend: string, current: unknown) => ({
    name,
    legend,
    error: errors.byName[name],
    errorId: radioId(name, "error"),
    choices: radios(name, current, name.startsWith("level") ? levels : ratings),
  });
  return {
    ...frame(ctx, survey, 3, minResponses, errors),
    intro: t.levelsIntro,
    noPartners: partners.length === 0 ? t.noPartners : undefined,
    partners: partners.map((p) => {
      const name = names.get(p.organisation) ?? "";
      return {
        name,
        headingId: radioId("partner-heading", p.organisation),
        noteId: radioId("ratings-note", p.organisation),
        note: t.ratingsNote,
        level: question(CONNECTION_FIELDS.level(p.organisation), fill(t.levelQuestion, { name }), p.level),
        trust: question(CONNECTION_FIELDS.trust(p.organisation), t.trustQuestion, p.trust),
        value: question(CONNECTION_FIELDS.value(p.organisation), t.valueQuestion, p.value),
      };
    }),
  };
}
