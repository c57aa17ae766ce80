// The over-time chart's drawing: for each figure, the coordinates of the interquartile band and
// the median line over quarters, for the SVG written in templates/partials/portfolio/over-time.hbs.
// Only numbers and our own words go in; the alt text names every value.
import type { FigureCode } from "../db/schema";
import { portfolioMessages } from "../i18n/portfolio";
import type { Lang } from "../instrument";
import { formatterFor } from "../lib/format";
import { round1 } from "../results/rounding";
import type { Quarter } from "./over-time";

export const CHART = { width: 320, height: 170, left: 34, right: 10, top: 10, bottom: 34 } as const;

const plotWidth = CHART.width - CHART.left - CHART.right;
const plotHeight = CHART.height - CHART.top - CHART.bottom;
const y = (score: number) => round1(CHART.top + plotHeight * (1 - score / 100));

/** One small chart per figure: band polygon, median points, axis ticks and quarter labels. */
export function overTimeCharts(quarters: readonly Quarter[], figures: readonly { code: FigureCode; title: string }[], lang: Lang) {
  const m = portfolioMessages(lang);
  const f = formatterFor(lang);
  const x = (i: number) => round1(CHART.left + (quarters.length === 1 ? plotWidth / 2 : (i * plotWidth) / (quarters.length - 1)));
  // A label under every quarter would collide beyond about six; then every other, always the last.
  const every = Math.ceil(quarters.length / 6);
  const labels = quarters
    .map((q, i) => ({ x: x(i), text: m.quarter(q.year, q.quarter), keep: i % every === 0 || i === quarters.length - 1 }))
    .filter((l) => l.keep);
  return figures.map(({ code, title }) => {
    const points = quarters.flatMap((q, i) => {
      const figure = q.figures[code];
      return figure ? [{ i, q, figure }] : [];
    });
    const upper = points.map((p) => `${x(p.i)},${y(p.figure.q3)}`);
    const lower = points.map((p) => `${x(p.i)},${y(p.figure.q1)}`).reverse();
    const alt = m.overTimeAlt(
      title,
      points
        .map((p) =>
          m.quarterPoint(
            m.quarter(p.q.year, p.q.quarter),
            f.score(p.figure.median),
            f.score(p.figure.q1),
            f.score(p.figure.q3),
            f.count(p.figure.networks),
          ),
        )
        .join("; "),
    );
    return {
      code,
      title,
      alt,
      empty: points.length === 0,
      band: [...upper, ...lower].join(" "),
      median: points.map((p) => `${x(p.i)},${y(p.figure.median)}`).join(" "),
      dots: points.map((p) => ({ x: x(p.i), y: y(p.figure.median) })),
      ticks: [0, 50, 70, 100].map((v) => ({ y: y(v), label: f.count(v), x1: CHART.left, x2: CHART.width - CHART.right })),
      labels: labels.map((l) => ({ ...l, y: CHART.height - CHART.bottom + 16 })),
      ...CHART,
    };
  });
}
