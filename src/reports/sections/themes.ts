// A page per theme: its score and change, diverging bars per statement with the figures beneath,
// and the members' released comments, verbatim.

import type { CommentView } from "../../comments/service";
import type { Messages } from "../../i18n/report";
import type { LocalizedInstrument } from "../../instrument";
import type { ChartViews } from "../../lib/charts";
import type { Formatter } from "../../lib/format";
import type { ShownRoundResults } from "../../results/labelled-results";
import { roundTo } from "../../results/rounding";
import { itemBarsChart } from "../charts/item-bars";
import { describeChange } from "./change";

type Theme = ShownRoundResults["themes"][number];
type Item = Theme["items"][number];

interface ItemRow {
  number: number;
  text: string;
  shown: boolean;
  n: string;
  dontKnow: string;
  /** "too few answers" for a statement that is not shown; its figures are then empty. */
  tooFew: string | null;
  disagree: string;
  neutral: string;
  agree: string;
  mean: string;
}

/** Below this many valid answers percentages are whole: one answer moves them by five points or more. */
export const WHOLE_PERCENT_BELOW = 20;

/** Disagree, neutral and agree as the language writes them, whole below WHOLE_PERCENT_BELOW answers. */
function percentages(item: Item, f: Formatter) {
  const [ones = 0, twos = 0, threes = 0, fours = 0, fives = 0] = item.distribution ?? [];
  if (item.n >= WHOLE_PERCENT_BELOW || !item.distribution) {
    return { disagree: f.percent(item.unfavourable), neutral: f.percent(item.neutral), agree: f.percent(item.favourable) };
  }
  // From the results' own counts rather than the one-decimal figure, which would round twice
  // (5 of 11 is 45.45%: 45.5% and then 46%, where 45% is right).
  const whole = (k: number) => f.wholePercent(roundTo((k * 100) / item.n, 0));
  return { disagree: whole(ones + twos), neutral: whole(threes), agree: whole(fours + fives) };
}

function itemRow(item: Item, index: number, m: Messages, f: Formatter): ItemRow {
  const base = { number: index + 1, text: item.text, shown: item.shown, n: f.count(item.n), dontKnow: f.count(item.dontKnow) };
  if (!item.shown) return { ...base, tooFew: m.theme.tooFew, disagree: "", neutral: "", agree: "", mean: "" };
  return { ...base, tooFew: null, ...percentages(item, f), mean: f.twoDecimals(item.mean) };
}

async function themePage(
  charts: ChartViews,
  theme: Theme,
  instrument: LocalizedInstrument,
  comments: CommentView[],
  m: Messages,
  f: Formatter,
) {
  const items = theme.items.map((item, i) => itemRow(item, i, m, f));
  const alt = m.theme.chart(
    theme.title,
    items.map((r) => (r.shown ? m.theme.itemAlt(r.text, r.disagree, r.neutral, r.agree) : m.theme.itemHiddenAlt(r.text))).join("; "),
  );
  const chart = await itemBarsChart(
    charts,
    theme.items.map((item, i) => {
      const row = items[i];
      return {
        label: `${i + 1}. ${item.text}`,
        shown: item.shown,
        unfavourable: item.unfavourable,
        neutral: item.neutral,
        favourable: item.favourable,
        texts: row?.shown ? { unfavourable: row.disagree, neutral: row.neutral, favourable: row.agree } : undefined,
      };
    }),
    { disagree: m.theme.disagree, neutral: m.theme.neutral, agree: m.theme.agree, tooFew: m.theme.tooFew },
    alt,
  );
  return {
    code: theme.code,
    title: theme.title,
    intro: instrument.themes.find((t) => t.code === theme.code)?.intro ?? "",
    scoreLine: m.theme.scoreLine(f.count(theme.n), f.twoDecimals(theme.sd)),
    legend: m.theme.legend(f.count(WHOLE_PERCENT_BELOW)),
    // Too few respondents behind the theme: no score, no change (the results give none).
    score: theme.shown ? f.score(theme.score) : m.theme.tooFew,
    shown: theme.shown,
    change: describeChange(theme.change, m, f),
    chart,
    items,
    comments: comments.filter((c) => c.theme === theme.code && c.status === "released").map((c) => ({ text: c.text })),
  };
}

/** One page per theme, in instrument order. Only released comments ever reach this function. */
export async function themeSections(
  charts: ChartViews,
  results: ShownRoundResults,
  instrument: LocalizedInstrument,
  released: CommentView[],
  m: Messages,
  f: Formatter,
) {
  return Promise.all(results.themes.map((theme) => themePage(charts, theme, instrument, released, m, f)));
}

export type ThemeSection = Awaited<ReturnType<typeof themeSections>>[number];
