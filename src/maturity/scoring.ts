import { round1, round2 } from "../results/rounding";

/** A maturity level: 1 Emerging, 2 Developing, 3 Maturing, 4 Thriving. */
export type MaturityLevel = 1 | 2 | 3 | 4;
export type MaturityAnswer = MaturityLevel | "dont_know";

/** One respondent's marks: per dimension, where the network is now and where it should be in a year. */
export type MaturityResponse = Record<string, { current?: MaturityAnswer | null; target?: MaturityAnswer | null }>;

/** Counts of levels 1, 2, 3, 4 in that order. */
export type LevelDistribution = [number, number, number, number];

/** One side (now or in a year) of a dimension; every figure is null when fewer than the threshold answered. */
export type MaturitySide = {
  n: number;
  shown: boolean;
  distribution: LevelDistribution | null;
  median: MaturityLevel | null;
  mean: number | null;
  /** Percentage of valid answers at Maturing or Thriving (1 dp): what change is measured on. */
  upperShare: number | null;
};

export type MaturityDimension = {
  code: string;
  current: MaturitySide;
  target: MaturitySide;
  /** Target median minus current median, when both sides are shown. */
  gap: number | null;
  /** At least a quarter of current answers at levels 1–2 and at least a quarter at 3–4; null when current is hidden. */
  divided: boolean | null;
};

const DIVIDED_SHARE = 0.25;

/**
 * Scores the maturity matrix of one round: per dimension, current and target each over their own
 * valid answers (levels 1–4; "don't know" and skipped are not valid), hidden below
 * `minResponses` exactly as statements are. The medians are unpaired: a member may mark one side only.
 *
 * @example
 * scoreMaturity(responses, ["purpose", "relationships"], 5)[0].gap // 1
 */
export function scoreMaturity(responses: MaturityResponse[], dimensions: readonly string[], minResponses: number): MaturityDimension[] {
  return dimensions.map((code) => {
    const current = side(
      responses.map((response) => response[code]?.current),
      minResponses,
    );
    const target = side(
      responses.map((response) => response[code]?.target),
      minResponses,
    );
    const gap = current.median !== null && target.median !== null ? target.median - current.median : null;
    return { code, current, target, gap, divided: divided(current) };
  });
}

function side(answers: Array<MaturityAnswer | null | undefined>, minResponses: number): MaturitySide {
  const valid = answers.filter((answer): answer is MaturityLevel => typeof answer === "number" && answer >= 1 && answer <= 4);
  const n = valid.length;
  if (n === 0 || n < minResponses) return { n, shown: false, distribution: null, median: null, mean: null, upperShare: null };
  const distribution: LevelDistribution = [0, 0, 0, 0];
  for (const level of valid) distribution[level - 1] = (distribution[level - 1] ?? 0) + 1;
  const sorted = [...valid].sort((x, y) => x - y);
  const median = sorted[Math.floor((n - 1) / 2)] as MaturityLevel;
  const mean = round2(valid.reduce((sum, level) => sum + level, 0) / n);
  return { n, shown: true, distribution, median, mean, upperShare: round1(upperShareOf(distribution, n)) };
}

function divided(current: MaturitySide): boolean | null {
  if (!current.distribution) return null;
  const [emerging, developing, maturing, thriving] = current.distribution;
  // A quarter of a whole count is exact in binary, so "exactly 25 %" is never lost to rounding.
  const enough = DIVIDED_SHARE * current.n;
  return emerging + developing >= enough && maturing + thriving >= enough;
}

export type SideChange = { median: number; upperShare: number };
export type MaturityChange = { code: string; current: SideChange | null; target: SideChange | null };

/**
 * Change since the network's previous closed round with the matrix, per side shown in both: the
 * median's change in levels and the change of the share at Maturing or Thriving in percentage points.
 */
export function maturityChange(now: MaturityDimension[], before: MaturityDimension[]): MaturityChange[] {
  const earlier = new Map(before.map((dimension) => [dimension.code, dimension]));
  return now.map((dimension) => {
    const previous = earlier.get(dimension.code);
    return {
      code: dimension.code,
      current: sideChange(dimension.current, previous?.current),
      target: sideChange(dimension.target, previous?.target),
    };
  });
}

function sideChange(now: MaturitySide, before: MaturitySide | undefined): SideChange | null {
  if (!before || now.median === null || before.median === null) return null;
  if (!now.distribution || !before.distribution) return null;
  // From the unrounded shares: figures are rounded once, at the end.
  const change = upperShareOf(now.distribution, now.n) - upperShareOf(before.distribution, before.n);
  return { median: now.median - before.median, upperShare: round1(change) };
}

/** Percentage of answers at Maturing or Thriving, unrounded. */
function upperShareOf(distribution: LevelDistribution, n: number): number {
  return ((distribution[2] + distribution[3]) / n) * 100;
}
