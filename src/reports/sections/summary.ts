// The one-page summary: temperature, theme scores with change, strongest and weakest themes, and
// the statements members are most divided on.

import type { Counted } from "../../i18n/plural";
import type { Messages } from "../../i18n/report";
import type { ChartViews } from "../../lib/charts";
import type { Formatter } from "../../lib/format";
import type { ShownRoundResults } from "../../results/labelled-results";
import { themeScoresChart } from "../charts/theme-scores";
import { thermometerChart } from "../charts/thermometer";
import { describeChange } from "./change";
import { mostDivided, rankThemes } from "./ranking";

/** Builds the summary section from the results; every figure is the results' own, formatted. */
export async function summarySection(charts: ChartViews, results: ShownRoundResults, m: Messages, f: Formatter) {
  const { overall, themes } = results;
  // A figure with too few respondents behind it says so instead of a number (its change is null too).
  const temperature = overall.shown ? f.score(overall.score) : m.theme.tooFew;
  const { strongest, weakest } = rankThemes(themes);
  const rows = themes.map((t) => ({
    code: t.code,
    title: t.title,
    score: t.shown ? f.score(t.score) : m.theme.tooFew,
    n: f.count(t.n),
    change: describeChange(t.change, m, f),
  }));
  const chartAlt = m.summary.themeChart(rows.map((r) => `${r.title} ${r.score}`).join(", "));
  const named = (t: (typeof themes)[number]) => ({ title: t.title, score: f.score(t.score) });
  return {
    title: m.summary.title,
    temperature: {
      value: temperature,
      n: f.count(overall.n),
      change: describeChange(overall.change, m, f),
      chart: thermometerChart(overall.score, m.summary.thermometer(temperature)),
    },
    rating: ratingLine(overall, m, f),
    trend: trendLine(overall, m, f),
    changeHeading: results.previousRound ? m.change.since(results.previousRound.title) : m.summary.change,
    noPrevious: results.previousRound ? null : m.change.none,
    themes: rows,
    chart: await themeScoresChart(
      charts,
      themes.map((t, i) => ({ label: t.title, score: t.score, text: rows[i]?.score ?? "" })),
      chartAlt,
    ),
    strongest: strongest.map(named),
    weakest: weakest.map(named),
    divided: mostDivided(themes).map(({ theme, item }) => ({ text: item.text, theme: theme.title, sd: f.twoDecimals(item.sd) })),
  };
}

type Overall = ShownRoundResults["overall"];

/** The 0–10 rating, or "too few answers" with how many gave one; nothing when nobody did. */
function ratingLine(overall: Overall, m: Messages, f: Formatter): string | null {
  if (overall.ratingShown && overall.rating !== null) return m.summary.rating(f.twoDecimals(overall.rating), counted(overall.ratingN, f));
  return overall.ratingN > 0 ? m.summary.ratingHidden(counted(overall.ratingN, f)) : null;
}

/** The trend split, or "too few answers" with how many gave one; nothing when nobody did. */
function trendLine(overall: Overall, m: Messages, f: Formatter): string | null {
  const { trend } = overall;
  if (overall.trendShown && trend)
    return m.summary.trend({
      worse: counted(trend.worse, f),
      same: counted(trend.same, f),
      better: counted(trend.better, f),
      fresh: counted(trend.new, f),
    });
  return overall.trendN > 0 ? m.summary.trendHidden(counted(overall.trendN, f)) : null;
}

/** A count with its figure written for the language, so the words can agree with it. */
function counted(n: number, f: Formatter): Counted {
  return { n, text: f.count(n) };
}

export type SummarySection = Awaited<ReturnType<typeof summarySection>>;
