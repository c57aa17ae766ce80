// The one-page summary: temperature, theme scores with change, strongest and weakest themes, and
// the statements members are most divided on.
import type { ShownRoundResults } from "../../results/round-results";
import { themeScoresChart } from "../charts/theme-scores";
import { thermometerChart } from "../charts/thermometer";
import type { Formatter } from "../format";
import type { Messages } from "../messages";
import { describeChange } from "./change";
import { mostDivided, rankThemes } from "./ranking";

/** Builds the summary section from the results; every figure is the results' own, formatted. */
export async function summarySection(results: ShownRoundResults, m: Messages, f: Formatter) {
  const { overall, themes } = results;
  const temperature = f.score(overall.score);
  const { strongest, weakest } = rankThemes(themes);
  const rows = themes.map((t) => ({ title: t.title, score: f.score(t.score), n: f.count(t.n), change: describeChange(t.change, m, f) }));
  const chartAlt = m.summary.themeChart(rows.map((r) => `${r.title} ${r.score}`).join(", "));
  const named = (t: (typeof themes)[number]) => ({ title: t.title, score: f.score(t.score) });
  const { worse, same, better, new: fresh } = overall.trend;
  const trendTotal = worse + same + better + fresh;
  const counted = (n: number) => ({ n, text: f.count(n) });
  return {
    title: m.summary.title,
    temperature: {
      value: temperature,
      n: f.count(overall.n),
      change: describeChange(overall.change, m, f),
      chart: thermometerChart(overall.score, m.summary.thermometer(temperature)),
    },
    rating: overall.rating === null ? null : m.summary.rating(f.twoDecimals(overall.rating), counted(overall.ratingN)),
    trend:
      trendTotal === 0
        ? null
        : m.summary.trend({ worse: counted(worse), same: counted(same), better: counted(better), fresh: counted(fresh) }),
    changeHeading: results.previousRound ? m.change.since(results.previousRound.title) : m.summary.change,
    noPrevious: results.previousRound ? null : m.change.none,
    themes: rows,
    chart: await themeScoresChart(
      themes.map((t, i) => ({ label: t.title, score: t.score, text: rows[i]?.score ?? "" })),
      chartAlt,
    ),
    strongest: strongest.map(named),
    weakest: weakest.map(named),
    divided: mostDivided(themes).map(({ theme, item }) => ({ text: item.text, theme: theme.title, sd: f.twoDecimals(item.sd) })),
  };
}

export type SummarySection = Awaited<ReturnType<typeof summarySection>>;
