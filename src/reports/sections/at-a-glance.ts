// The page "at a glance", first after the cover and made to be projected at the meeting: the
// temperature, the five themes with their change and released comments, the two strongest and two
// weakest statements, and the open actions. It must stay one page, so lists are short and capped.
import type { CommentView } from "../../comments/service";
import type { Messages } from "../../i18n/report";
import type { Formatter } from "../../lib/format";
import type { ShownRoundResults } from "../../results/labelled-results";
import { describeChange } from "./change";
import { rankItems } from "./ranking";

/** At most this many open actions fit the page beside everything else; the rest are counted. */
export const GLANCE_ACTIONS = 5;

const OPEN_STATUSES = new Set(["open", "in_progress"]);

export function atAGlanceSection(results: ShownRoundResults, released: CommentView[], m: Messages, f: Formatter) {
  const g = m.glance;
  const { strongest, weakest } = rankItems(results.themes);
  const statement = ({ theme, item }: (typeof strongest)[number]) => ({ text: item.text, theme: theme.title, score: f.score(item.score) });
  const open = results.actions.filter((a) => OPEN_STATUSES.has(a.status));
  const more = open.length - GLANCE_ACTIONS;
  return {
    title: g.title,
    labels: g,
    temperature: { value: f.score(results.overall.score), change: describeChange(results.overall.change, m, f) },
    changeNote: results.previousRound ? g.changeNote(results.previousRound.title) : m.change.none,
    themes: results.themes.map((t) => ({
      title: t.title,
      score: f.score(t.score),
      change: describeChange(t.change, m, f),
      comments: f.count(released.filter((c) => c.theme === t.code && c.status === "released").length),
    })),
    strongest: strongest.map(statement),
    weakest: weakest.map(statement),
    actions: open.slice(0, GLANCE_ACTIONS).map((a) => ({
      title: a.title,
      owner: a.owner ?? "",
      due: a.due ? f.date(`${a.due}T12:00:00Z`) : "",
      status: a.status,
      statusLabel: m.actions.statusLabel[a.status],
    })),
    moreActions: more > 0 ? g.moreActions({ n: more, text: f.count(more) }) : null,
  };
}

export type AtAGlanceSection = ReturnType<typeof atAGlanceSection>;
