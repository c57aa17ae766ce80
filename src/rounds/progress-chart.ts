import Handlebars from "handlebars";
import { formatterFor } from "../lib/format";

/** Days the chart shows at most: a round runs a few weeks; older days stay in the table. */
const MAX_DAYS = 42;
/** The chart is at least this wide, so that a few days do not make a sliver. */
const MIN_WIDTH = 480;
const GAP = 4;
const HEIGHT = 120;
const TOP = 18;
const BOTTOM = 20;

const fmt = formatterFor("en");
const dayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const label = (day: string) => dayLabel.format(new Date(`${day}T12:00:00Z`));

/** Every calendar day (UTC, as the daily counts keep them) from `first` to `last`, inclusive. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export interface DayCount {
  day: string;
  submitted: number;
}

/**
 * Responses per day as a small bar chart drawn in code: days without responses show as gaps, so the
 * rhythm of reminders is visible. `from` and `to` bound the days (the round's open days so far).
 * Only numbers and dates go in, never anything a person typed.
 * @example responsesChart([{ day: "2026-03-02", submitted: 3 }], "2026-03-02", "2026-03-04")
 */
export function responsesChart(byDay: DayCount[], from: string, to: string) {
  const rows = byDay.map((d) => ({ day: fmt.date(`${d.day}T12:00:00Z`), submitted: fmt.count(d.submitted) }));
  // Before the first response a chart would only draw an empty axis and "most in a day: 1".
  if (!byDay.some((d) => d.submitted > 0)) return { empty: true as const, rows };
  const counts = new Map(byDay.map((d) => [d.day, d.submitted]));
  const firstDay = [from, ...byDay.map((d) => d.day)].sort()[0] ?? from;
  const lastDay = [to, ...byDay.map((d) => d.day)].sort().at(-1) ?? to;
  const all = daysBetween(firstDay, lastDay);
  const days = all.slice(-MAX_DAYS).map((day) => ({ day, submitted: counts.get(day) ?? 0 }));
  const max = Math.max(1, ...days.map((d) => d.submitted));
  // Each day gets an equal slot across the chart; its bar fills the slot up to 40 px.
  const slot = Math.max(10, (MIN_WIDTH - GAP) / Math.max(days.length, 1));
  const bar = Math.min(40, slot - GAP);
  const width = Math.max(days.length * slot + GAP, MIN_WIDTH);
  const plot = HEIGHT - TOP - BOTTOM;
  const bars = days.map((d, i) => {
    const h = d.submitted === 0 ? 0 : Math.max(2, (d.submitted / max) * plot);
    const x = GAP + i * slot + (slot - GAP - bar) / 2;
    return `<rect x="${x.toFixed(1)}" y="${(TOP + plot - h).toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="#0b5c7a"/>`;
  });
  const busiest = days.reduce((a, b) => (b.submitted > a.submitted ? b : a), days[0] ?? { day: from, submitted: 0 });
  const first = days[0]?.day ?? from;
  const last = days.at(-1)?.day ?? to;
  const alt =
    `Bar chart of responses per day from ${label(first)} to ${label(last)}` +
    (busiest.submitted > 0
      ? `; the most in one day was ${fmt.count(busiest.submitted)}, on ${label(busiest.day)}.`
      : "; no responses yet.") +
    " The numbers are in the table below.";
  const axis = `<line x1="0" y1="${TOP + plot + 0.5}" x2="${width}" y2="${TOP + plot + 0.5}" stroke="#1d2430"/>`;
  const texts = [
    `<text x="${GAP}" y="12" font-size="13" fill="#1d2430">most in a day: ${fmt.count(max)}</text>`,
    `<text x="${GAP}" y="${HEIGHT - 5}" font-size="13" fill="#1d2430">${label(first)}</text>`,
    `<text x="${width - GAP}" y="${HEIGHT - 5}" font-size="13" fill="#1d2430" text-anchor="end">${label(last)}</text>`,
  ];
  return {
    empty: false as const,
    svg: new Handlebars.SafeString(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" aria-hidden="true" focusable="false">${axis}${bars.join("")}${texts.join("")}</svg>`,
    ),
    alt,
    omitted: all.length - days.length,
    rows,
  };
}
