// Every theme's score across the network's closed rounds: a line chart and the same figures as a
// table; rounds with too few responses show "not enough responses", figures with too few
// respondents behind them "too few answers".

import type { Messages } from "../../i18n/report";
import type { ChartViews } from "../../lib/charts";
import type { Formatter } from "../../lib/format";
import { roundLabel, type TrendPoint, trendChart } from "../charts/trend";
import type { HistoryEntry } from "../history";

export async function trendSection(
  charts: ChartViews,
  history: HistoryEntry[],
  themes: { code: string; title: string }[],
  m: Messages,
  f: Formatter,
) {
  const columns = history.map((h) => ({ title: h.title, date: f.date(h.closedAt), suppressed: h.suppressed }));
  const series = [
    { title: m.trend.temperature, scoreOf: (h: HistoryEntry) => h.temperature, temperature: true },
    ...themes.map((t) => ({ title: t.title, scoreOf: (h: HistoryEntry) => h.themes[t.code] ?? null, temperature: false })),
  ];
  const rows = series.map((s) => ({
    title: s.title,
    temperature: s.temperature,
    // A figure missing from a shown round had too few respondents behind it.
    cells: history.map((h) => {
      if (h.suppressed) return { value: m.trend.notEnough, suppressed: true };
      const score = s.scoreOf(h);
      return score === null ? { value: m.theme.tooFew, suppressed: true } : { value: f.score(score), suppressed: false };
    }),
  }));
  const points: TrendPoint[] = [];
  for (const [i, h] of history.entries()) {
    const round = roundLabel(h.title, columns[i]?.date ?? "");
    for (const s of series) {
      const score = s.scoreOf(h);
      // A round without results still gets a place on the axis: a null score breaks the line there.
      points.push({ round, series: s.title, score });
    }
  }
  const chart =
    history.length > 1
      ? await trendChart(
          charts,
          points,
          series.map((s) => s.title),
          m.trend.temperature,
          m.trend.chart,
        )
      : null;
  return { title: m.trend.title, intro: m.trend.intro, onlyOne: history.length > 1 ? null : m.trend.onlyOne, columns, rows, chart };
}

export type TrendSection = Awaited<ReturnType<typeof trendSection>>;
