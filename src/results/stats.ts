// Small statistics kit: mean, sample sd and Welch's t-test. Written here rather than pulled in
// as a dependency; checked against scipy values in the reference fixture (to better than 1e-9).

/** Arithmetic mean; null for an empty list. @example mean([1, 2, 3]) // 2 */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample variance (n − 1 denominator); null with fewer than two values. */
export function variance(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return squares / (values.length - 1);
}

/** Sample standard deviation; null with fewer than two values. @example sampleSd([2, 4]) // 1.414… */
export function sampleSd(values: readonly number[]): number | null {
  const v = variance(values);
  return v === null ? null : Math.sqrt(v);
}

export interface WelchResult {
  t: number;
  df: number;
  p: number;
}

/** What Welch's test needs of a list of values: their count, mean and sample sd. */
export interface Summary {
  n: number;
  mean: number | null;
  sd: number | null;
}

/** The count, mean and sample sd of `values`. */
export function summarise(values: readonly number[]): Summary {
  return { n: values.length, mean: mean(values), sd: sampleSd(values) };
}

/**
 * Welch's unequal-variance t-test, two-sided, with t = (mean(a) − mean(b)) / se.
 * Null when either side has fewer than two values, or when both sides have zero variance:
 * then se = 0 and t is undefined (scipy gives nan, or ±inf and p = 0 when the means differ;
 * we report "no test" in both cases rather than a change nobody can measure).
 * @example welchTTest([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]) // { t: -1.897…, df: 5.882…, p: 0.1075… }
 */
export function welchTTest(a: readonly number[], b: readonly number[]): WelchResult | null {
  return welchFromSummaries(summarise(a), summarise(b));
}

/** welchTTest from each side's count, mean and sd: the same test, without the values themselves. */
export function welchFromSummaries(a: Summary, b: Summary): WelchResult | null {
  if (a.mean === null || b.mean === null || a.sd === null || b.sd === null || a.n < 2 || b.n < 2) return null;
  const ua = a.sd ** 2 / a.n;
  const ub = b.sd ** 2 / b.n;
  const se2 = ua + ub;
  if (se2 === 0) return null;
  const t = (a.mean - b.mean) / Math.sqrt(se2);
  // Welch–Satterthwaite degrees of freedom.
  const df = se2 ** 2 / (ua ** 2 / (a.n - 1) + ub ** 2 / (b.n - 1));
  return { t, df, p: studentTwoSidedP(t, df) };
}

/** P(|T| ≥ |t|) for Student's t with df degrees of freedom (df may be fractional). */
export function studentTwoSidedP(t: number, df: number): number {
  // The two-sided tail equals I_x(df/2, 1/2) with x = df / (df + t²).
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/** Regularized incomplete beta I_x(a, b) (Numerical Recipes `betai`). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The continued fraction converges fast only on this side; use the symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

const MAX_ITERATIONS = 1000;
const EPSILON = 1e-16;
const TINY = 1e-300;

/** Continued fraction for the incomplete beta by the modified Lentz method (NR `betacf`). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = nonZero(1 - (qab * x) / qap);
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 / nonZero(1 + even * d);
    c = nonZero(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 / nonZero(1 + odd * d);
    c = nonZero(1 + odd / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) return h;
  }
  return h; // not reached for the a, b, x a t-test produces
}

function nonZero(v: number): number {
  return Math.abs(v) < TINY ? TINY : v;
}

// Lanczos approximation, g = 7, nine coefficients: about 15 significant digits, which
// NR's six-coefficient `gammln` (~1e-10) would not give us.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. @example lgamma(5) // ln 24 */
export function lgamma(x: number): number {
  if (x < 0.5) {
    // Reflection keeps the series in its accurate range.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  }
  const z = x - 1;
  let series = 0;
  for (const [i, c] of LANCZOS.entries()) series += i === 0 ? c : c / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}
