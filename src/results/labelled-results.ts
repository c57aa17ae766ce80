import { reportActions } from "../actions/report-actions";
import type { NetworkRow, RoundRow } from "../db/schema";
import { getInstrument, type Lang, type LocalizedInstrument, localize } from "../instrument";
import type { Db } from "../lib/db";

export { type Confidence, confidenceOf } from "./confidence";

import { GROUP_LABELS } from "../i18n/results";
import { AppError } from "../lib/errors";
import { labelMaturity } from "../maturity/results";
import { NOT_ANSWERED_GROUP, OTHER_GROUP } from "./breakdown";
import { responseRateOf } from "./closing-results";
import { confidenceOf } from "./confidence";
import { frozenPublished } from "./frozen";
import type { BreakdownKey } from "./types";

function roundSummary(round: RoundRow) {
  return {
    id: round.id,
    title: round.title,
    status: round.status,
    access: round.access,
    language: round.language,
    instrument: { id: round.instrumentId, version: round.instrumentVersion },
    openedAt: round.openedAt?.toISOString() ?? null,
    closesAt: round.closesAt?.toISOString() ?? null,
    closedAt: round.closedAt?.toISOString() ?? null,
  };
}

function labelBreakdowns(breakdowns: Record<BreakdownKey, { group: string }[]>, instrument: LocalizedInstrument, lang: Lang) {
  const labelOf = (key: BreakdownKey, group: string) => {
    if (group === OTHER_GROUP) return GROUP_LABELS[lang].other;
    if (group === NOT_ANSWERED_GROUP) return GROUP_LABELS[lang].notAnswered;
    const question = instrument.questions.find((q) => q.code === key);
    return (question?.kind === "choice" && question.options.find((o) => o.code === group)?.label) || group;
  };
  return Object.fromEntries(
    (Object.keys(breakdowns) as BreakdownKey[]).map((key) => [
      key,
      breakdowns[key].map((row) => ({ ...row, label: labelOf(key, row.group) })),
    ]),
  ) as Record<BreakdownKey, ({ group: string; label: string } & Record<string, unknown>)[]>;
}

/**
 * A closed round's results: the rounded scores and change frozen when it closed, labelled in
 * `lang`, with the actions as they stand. The JSON endpoint, the report and the mirror read this.
 */
export function getRoundResults(db: Db, round: RoundRow, network: NetworkRow, lang: Lang) {
  if (round.status !== "closed") throw new AppError("not_ready", "Results are available when the round closes");
  const published = frozenPublished(db, round.id);
  const instrument = getInstrument(round.instrumentId, round.instrumentVersion);
  if (!published || !instrument) throw new Error(`Round ${round.id} is closed but has no frozen results`);
  const head = { round: roundSummary(round), network: { id: network.id, name: network.name, stage: network.stage } };
  const actions = reportActions(db, round);
  if (published.suppressed) {
    const { n, invited, responseRate, minResponses } = published;
    const openLinkResponses = published.openLinkResponses ?? 0;
    return { ...head, n, invited, responseRate, minResponses, openLinkResponses, suppressed: true as const, maturity: null, actions };
  }
  const localized = localize(instrument, lang);
  const { n, invited, responseRate, minResponses, previousRound, overall, themes, breakdowns } = published;
  // Worked out on reading, from the stored counts, so rounds closed under an older rule follow this one.
  const confidence = confidenceOf(responseRateOf(round, n, invited), n);
  return {
    ...head,
    n,
    invited,
    responseRate,
    minResponses,
    openLinkResponses: published.openLinkResponses ?? 0,
    confidence,
    suppressed: false as const,
    previousRound,
    overall,
    themes: themes.map((theme) => {
      const def = localized.themes.find((t) => t.code === theme.code);
      return {
        ...theme,
        title: def?.title ?? theme.code,
        items: theme.items.map((item) => ({ ...item, text: def?.items.find((i) => i.code === item.code)?.text ?? item.code })),
      };
    }),
    breakdowns: labelBreakdowns(breakdowns, localized, lang),
    // Null for a round without the matrix, and for one frozen before the matrix was kept.
    maturity: labelMaturity(published.maturity, lang),
    actions,
  };
}

export type RoundResults = ReturnType<typeof getRoundResults>;
export type ShownRoundResults = Extract<RoundResults, { suppressed: false }>;
