// The actions page: what was agreed after the previous round and where it stands, and what has
// been agreed about this round so far.
import type { ActionView } from "../../actions/schemas";
import type { Messages } from "../../i18n/report";
import type { Formatter } from "../../lib/format";

type RoundAction = ActionView & { fromPreviousRound: boolean };

function actionRow(a: RoundAction, m: Messages, f: Formatter) {
  return {
    title: a.title,
    owner: a.owner ?? "",
    due: a.due ? f.date(`${a.due}T12:00:00Z`) : "",
    status: a.status,
    statusLabel: m.actions.statusLabel[a.status],
    note: a.note ?? "",
  };
}

export function actionsSection(actions: RoundAction[], m: Messages, f: Formatter) {
  const previous = actions.filter((a) => a.fromPreviousRound).map((a) => actionRow(a, m, f));
  const current = actions.filter((a) => !a.fromPreviousRound).map((a) => actionRow(a, m, f));
  return { title: m.actions.title, labels: m.actions, previous, current };
}

export type ActionsSection = ReturnType<typeof actionsSection>;
