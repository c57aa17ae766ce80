import type { ActionView } from "../actions/schemas";
import { actionsOfRounds } from "../actions/service";
import type { networks, rounds } from "../db/schema";
import { getInstrument, type Lang, type LocalizedInstrument, localize } from "../instrument";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { compareRounds } from "./change";
import { frozenResults, responseRateOf } from "./freeze";
import { type PublicChange, presentRoundScores } from "./present";
import { previousClosedRound, previousComparableRound } from "./previous";
import { round1 } from "./rounding";
import type { BreakdownKey } from "./types";

type RoundRow = typeof rounds.$inferSelect;
type NetworkRow = typeof networks.$inferSelect;
export type Confidence = "high" | "moderate" | "low";

const OTHER_LABEL: Record<Lang, string> = { en: "Other groups (combined)", nl: "Overige groepen (samengevoegd)" };

/** How far the figures can be trusted, from the unrounded response rate. */
export function confidenceOf(rate: number | null): Confidence | null {
  if (rate === null) return null;
  return rate >= 80 ? "high" : rate >= 65 ? "moderate" : "low";
}

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

function withPrevious(change: PublicChange | undefined, previousRoundId: string) {
  return change ? { previousRoundId, ...change } : undefined;
}

function labelBreakdowns(breakdowns: Record<BreakdownKey, { group: string }[]>, instrument: LocalizedInstrument, lang: Lang) {
  const labelOf = (key: BreakdownKey, group: string) => {
    if (group === "other") return OTHER_LABEL[lang];
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

/** Actions agreed about the previous round (followed up now) and about this one. */
function roundActions(db: Db, round: RoundRow): (ActionView & { fromPreviousRound: boolean })[] {
  const previous = previousClosedRound(db, round);
  const ids = previous ? [previous.id, round.id] : [round.id];
  return actionsOfRounds(db, ids).map((a) => ({ ...a, fromPreviousRound: a.roundId !== round.id }));
}

/**
 * A closed round's results: the frozen scores, rounded, labelled in `lang`, with change against
 * the previous comparable round. The JSON endpoint, the report and comparisons all read this.
 */
export function getRoundResults(db: Db, round: RoundRow, network: NetworkRow, lang: Lang) {
  if (round.status !== "closed") throw new AppError("not_ready", "Results are available when the round closes");
  const frozen = frozenResults(db, round.id);
  const instrument = getInstrument(round.instrumentId, round.instrumentVersion);
  if (!frozen || !instrument) throw new Error(`Round ${round.id} is closed but has no frozen results`);
  const { scores, invited } = frozen;
  const rate = responseRateOf(round, scores.n, invited);
  const base = {
    round: roundSummary(round),
    network: { id: network.id, name: network.name, stage: network.stage },
    n: scores.n,
    invited,
    responseRate: rate === null ? null : round1(rate),
    minResponses: scores.minResponses,
  };
  const actions = roundActions(db, round);
  if (scores.suppressed) return { ...base, suppressed: true as const, actions };

  const previous = previousComparableRound(db, round);
  const change = previous ? compareRounds(scores, previous.results.scores) : undefined;
  const presented = presentRoundScores(scores, change);
  if (presented.suppressed) return { ...base, suppressed: true as const, actions };
  const localized = localize(instrument, lang);
  const previousRoundId = previous?.round.id ?? "";
  return {
    ...base,
    confidence: confidenceOf(rate),
    suppressed: false as const,
    previousRound: previous
      ? { id: previous.round.id, title: previous.round.title, closedAt: previous.round.closedAt?.toISOString() ?? null }
      : null,
    overall: { ...presented.overall, change: withPrevious(presented.overall.change, previousRoundId) },
    themes: presented.themes.map((theme) => {
      const def = localized.themes.find((t) => t.code === theme.code);
      return {
        ...theme,
        title: def?.title ?? theme.code,
        change: withPrevious(theme.change, previousRoundId),
        items: theme.items.map((item) => ({ ...item, text: def?.items.find((i) => i.code === item.code)?.text ?? item.code })),
      };
    }),
    breakdowns: labelBreakdowns(presented.breakdowns, localized, lang),
    actions,
  };
}

export type RoundResults = ReturnType<typeof getRoundResults>;
export type ShownRoundResults = Extract<RoundResults, { suppressed: false }>;
