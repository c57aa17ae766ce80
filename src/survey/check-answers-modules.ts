import { fill } from "../i18n/survey";
import { MATURITY_V1 } from "../maturity/matrix-v1";
import { levelLabels } from "./connections-model";
import type { MaturityValue } from "./module-schemas";
import type { SurveyDraft } from "./schemas";
import { type SurveyCtx, stepHref } from "./survey-model";

/** The id of a section's "Change" link (as in review-model). */
const changeId = (section: string) => `change-${section}`;

type Row = { question: string; answer: string; skipped: boolean };
const row = (question: string, answer: string | undefined, none: string): Row => ({
  question,
  answer: answer ?? none,
  skipped: answer === undefined,
});

/** The connections answers on Check answers: your organisation, then each partner and how you work together. */
function connectionsSection(ctx: SurveyCtx, draft: SurveyDraft) {
  const { t } = ctx;
  const organisations = ctx.modules?.organisations ?? [];
  const names = new Map(organisations.map((o) => [o.position, o.name]));
  const own = draft.connections?.organisation;
  const ownLabel =
    own === "not_listed" ? t.notListed : own === "prefer_not_to_say" ? t.preferNotToSay : own === undefined ? undefined : names.get(own);
  const levels = levelLabels(t);
  const partners = (draft.connections?.partners ?? []).filter((p) => names.has(p.organisation));
  const partnerRows = partners.map((p) => {
    const level = p.level === undefined ? undefined : levels[p.level - 1];
    const answer =
      level === undefined
        ? t.noLevel
        : p.level === 1
          ? level
          : fill(t.partnerAnswer, { level, trust: p.trust ?? t.notRated, value: p.value ?? t.notRated });
    return row(names.get(p.organisation) ?? "", answer, t.skipped);
  });
  const rows = [row(t.yourOrganisation, ownLabel, t.skipped)];
  if (typeof own === "number") rows.push(...(partnerRows.length > 0 ? partnerRows : [row(t.partnersTicked, undefined, t.noneTicked)]));
  return {
    code: "connections",
    title: t.connectionsTitle,
    changeId: changeId("connections"),
    changeHref: `${stepHref(ctx, "connections/1")}&from=review`,
    changeHidden: t.changeConnectionsHidden,
    rows,
  };
}

/** The maturity marks on Check answers: per dimension, now and in a year. */
function maturitySection(ctx: SurveyCtx, draft: SurveyDraft) {
  const { lang, t } = ctx;
  const label = (value: MaturityValue | undefined) =>
    value === undefined
      ? undefined
      : value === "dont_know"
        ? MATURITY_V1.questions.dontKnow[lang]
        : MATURITY_V1.levels[value - 1]?.title[lang];
  return {
    code: "maturity",
    title: t.maturityTitle,
    changeId: changeId("maturity"),
    changeHref: `${stepHref(ctx, "maturity/1")}&from=review`,
    changeHidden: t.changeMaturityHidden,
    rows: MATURITY_V1.dimensions.flatMap((d) =>
      (["current", "target"] as const).map((side) =>
        row(`${d.title[lang]}: ${MATURITY_V1.questions[side][lang]}`, label(draft.maturity?.[d.code]?.[side]), t.skipped),
      ),
    ),
  };
}

/** The sections of Check answers for the modules the round asks, in the order of their pages. */
export function moduleSections(ctx: SurveyCtx, draft: SurveyDraft) {
  const asked = ctx.modules?.modules;
  return [
    ...(asked && asked.organisations > 0 ? [connectionsSection(ctx, draft)] : []),
    ...(asked?.maturity ? [maturitySection(ctx, draft)] : []),
  ];
}
