import { reportActions } from "../actions/report-actions";
import type { ActionView } from "../actions/schemas";
import { mayOnNetwork } from "../auth/access";
import { listComments } from "../comments/service";
import { ACTION_STATUSES, type CommentStatus, type RoundRow } from "../db/schema";
import { getInstrument, localize } from "../instrument";
import type { Db } from "../lib/db";
import { formatterFor } from "../lib/format";
import { getRoundResults } from "../results/labelled-results";
import type { RoundAccess } from "../rounds/round-model";
import { ACTION_STATUS_LABELS, type ActionField, type NewActionValues, updateFieldId } from "./action-form";

export type ActionValues = Partial<Record<ActionField, string>>;

const fmt = formatterFor("en");

const COMMENT_STATUS: Record<CommentStatus, string> = {
  pending: "Not reviewed yet",
  released: "Released: shown in the report",
  hidden: "Hidden: never shown",
};

/** The round's comments by theme, in the instrument's order, each with its status. */
function commentsByTheme(db: Db, access: RoundAccess) {
  const { round } = access;
  const instrument = getInstrument(round.instrumentId, round.instrumentVersion);
  const themes = instrument ? localize(instrument, "en").themes : [];
  const all = listComments(db, round);
  const count = (s: CommentStatus) => fmt.count(all.filter((c) => c.status === s).length);
  return {
    total: fmt.count(all.length),
    pending: count("pending"),
    released: count("released"),
    hidden: count("hidden"),
    anyPending: all.some((c) => c.status === "pending"),
    themes: themes
      .map((t) => ({
        code: t.code,
        title: t.title,
        comments: all.filter((c) => c.theme === t.code).map((c) => ({ ...c, statusLabel: COMMENT_STATUS[c.status] })),
      }))
      .filter((t) => t.comments.length > 0),
  };
}

/** One action with the values and errors of its form (typed values come back after an error). */
function actionModel(a: ActionView, errorsByField: Record<string, string>, typed: ActionValues | undefined) {
  const field = (name: ActionField) => {
    const id = updateFieldId(a.id, name);
    return { id, error: errorsByField[id] };
  };
  const status = typed?.status ?? a.status;
  return {
    ...a,
    dueText: a.due ? fmt.date(`${a.due}T12:00:00Z`) : null,
    statusLabel: ACTION_STATUS_LABELS[a.status],
    form: {
      title: { ...field("title"), value: typed?.title ?? a.title },
      owner: { ...field("owner"), value: typed?.owner ?? a.owner ?? "" },
      due: { ...field("due"), value: typed?.due ?? a.due ?? "" },
      status: {
        ...field("status"),
        options: ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s], selected: s === status })),
      },
      note: { ...field("note"), value: typed?.note ?? a.note ?? "" },
    },
  };
}

/**
 * This round's actions, and those agreed about earlier rounds that are still open (they carry
 * forward until done or dropped, so they are updated here too), each with its form.
 */
function actionsModel(db: Db, round: RoundRow, errorsByField: Record<string, string>, typed?: { id: string; values: ActionValues }) {
  const all = reportActions(db, round);
  const model = (a: ActionView) => actionModel(a, errorsByField, typed?.id === a.id ? typed.values : undefined);
  return {
    actions: all.filter((a) => !a.fromPreviousRound).map(model),
    carried: all.filter((a) => a.fromPreviousRound && (a.status === "open" || a.status === "in_progress")).map(model),
  };
}

export interface ReviewExtra {
  values?: NewActionValues;
  errorsByField?: Record<string, string>;
  /** What was typed into one action's form, shown again beside its errors. */
  typed?: { id: string; values: ActionValues };
}

/**
 * Everything `pages/rounds/review.hbs` shows for a closed round. A suppressed round (fewer
 * responses than its threshold) has no comments to review: they are not even read.
 */
export function reviewModel(db: Db, access: RoundAccess, extra: ReviewExtra = {}) {
  const { round, network, relation } = access;
  const results = getRoundResults(db, round, network, "en");
  const report = (lang: string) => ({
    preview: `/rounds/${round.id}/report?lang=${lang}`,
    pdf: `/api/v1/rounds/${round.id}/report.pdf?lang=${lang}`,
  });
  return {
    title: `Review and report · ${round.title}`,
    network: { id: network.id, name: network.name },
    round: { id: round.id, title: round.title },
    canManage: mayOnNetwork(relation, "manage"),
    n: fmt.count(results.n),
    threshold: fmt.count(results.minResponses),
    suppressed: results.suppressed,
    comments: results.suppressed ? null : commentsByTheme(db, access),
    report: { en: report("en"), nl: report("nl") },
    ...actionsModel(db, round, extra.errorsByField ?? {}, extra.typed),
    newAction: extra.values ?? {},
  };
}
