// The Maturity section: the matrix as a grid of dimensions × levels, where members put the network
// now and where they want it in a year. Each side is a row of counts (text, for grey print and
// screen readers) and a stacked bar that only repeats them; the median is marked with a symbol and
// words. Dimensions with the largest gap and divided ones come first. Nothing is recomputed: counts,
// medians, gaps and changes are the results' own; only bar widths and the order are derived.

import { type MaturityMessages, maturityMessagesFor } from "../../i18n/report-maturity";
import type { Lang } from "../../instrument";
import type { Formatter } from "../../lib/format";
import type { MaturityResults, MaturityResultsDimension } from "../../maturity/results";
import type { MaturitySide } from "../../maturity/scoring";

/** Bar segments narrower than this (percent of the bar) carry no level number. */
const MIN_LABELLED = 9;

/**
 * The order the section shows dimensions in: first those with the largest gap and the divided ones,
 * then the rest; within each, the larger gap first, then divided before not, then the matrix's own
 * order (a stable sort).
 */
export function orderForTalk(dimensions: readonly MaturityResultsDimension[]): MaturityResultsDimension[] {
  const gapOf = (d: MaturityResultsDimension) => (d.gap === null ? Number.NEGATIVE_INFINITY : d.gap);
  const largest = Math.max(0, ...dimensions.map((d) => d.gap ?? 0));
  const first = (d: MaturityResultsDimension) => (largest > 0 && d.gap === largest) || d.divided === true;
  return [...dimensions].sort(
    (a, b) => Number(first(b)) - Number(first(a)) || gapOf(b) - gapOf(a) || Number(b.divided === true) - Number(a.divided === true),
  );
}

/** How many put the network at levels 1–2 and at 3–4 now, for the divided sentence. */
export function halves(side: MaturitySide): [number, number] {
  const [a = 0, b = 0, c = 0, d = 0] = side.distribution ?? [];
  return [a + b, c + d];
}

function sideRow(side: MaturitySide, label: string, t: MaturityMessages, f: Formatter) {
  if (!side.shown || !side.distribution)
    return { label, shown: false, tooFew: t.tooFew(f.count(side.n)), cells: [], bar: [], n: f.count(side.n) };
  const total = side.n;
  return {
    label,
    shown: true,
    tooFew: null,
    n: f.count(total),
    cells: side.distribution.map((count, i) => ({ text: f.count(count), median: side.median === i + 1 })),
    bar: side.distribution
      .map((count, i) => ({ level: i + 1, width: (count / total) * 100 }))
      .filter((segment) => segment.width > 0)
      .map((segment) => ({ ...segment, width: segment.width.toFixed(2), labelled: segment.width >= MIN_LABELLED })),
  };
}

function sentenceOf(d: MaturityResultsDimension, levels: string[], t: MaturityMessages, f: Formatter): string[] {
  if (d.current.median === null || !d.current.distribution) return [t.tooFewNow(d.title)];
  const now = levels[d.current.median - 1] ?? "";
  const atMedian = d.current.distribution[d.current.median - 1] ?? 0;
  const target = d.target.median === null ? null : (levels[d.target.median - 1] ?? null);
  const lines = [t.sentence({ dimension: d.title, now, target, most: atMedian * 2 > d.current.n, gap: d.gap })];
  if (d.divided) {
    const [low, high] = halves(d.current);
    lines.push(t.dividedSentence({ n: low, text: f.count(low) }, { n: high, text: f.count(high) }));
  }
  return lines;
}

function changeOf(d: MaturityResultsDimension, previousTitle: string | null, t: MaturityMessages, f: Formatter): string | null {
  if (!d.change || previousTitle === null) return null;
  const signed = (n: number) => ({ n, text: n > 0 ? `+${f.count(n)}` : f.count(n) });
  const parts = [
    d.change.current ? t.changeSide(t.now, signed(d.change.current.median), f.delta(d.change.current.upperShare)) : null,
    d.change.target ? t.changeSide(t.inAYear, signed(d.change.target.median), f.delta(d.change.target.upperShare)) : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? t.change(previousTitle, parts) : null;
}

/** The Maturity section of a round with the matrix (anonymity threshold `minResponses`); null without it. */
export function maturitySection(maturity: MaturityResults | null, minResponses: number, lang: Lang, f: Formatter) {
  if (!maturity) return null;
  const t = maturityMessagesFor(lang);
  const levels = maturity.levels.map((level) => level.title);
  const largest = Math.max(0, ...maturity.dimensions.map((d) => d.gap ?? 0));
  return {
    title: t.title,
    intro: t.intro,
    labels: { dimension: t.dimension, side: t.side, answers: t.answers, spread: t.spread, median: t.median },
    legend: t.legend,
    barLegend: t.barLegend,
    rules: t.rules(f.count(minResponses)),
    levels: maturity.levels.map((level) => ({ level: level.level, title: level.title })),
    dimensions: orderForTalk(maturity.dimensions).map((d) => ({
      code: d.code,
      title: d.title,
      flags: [...(largest > 0 && d.gap === largest ? [t.largestGap] : []), ...(d.divided ? [t.divided] : [])],
      sentences: sentenceOf(d, levels, t, f),
      change: changeOf(d, maturity.previousRound?.title ?? null, t, f),
      sides: [sideRow(d.current, t.now, t, f), sideRow(d.target, t.inAYear, t, f)],
    })),
  };
}

export type MaturitySection = NonNullable<ReturnType<typeof maturitySection>>;
