// Rounding for presentation only, half away from zero, as a person reading the decimal would
// expect: 2.675 → 2.68 even though the double nearest 2.675 is 2.67499999999999982236431605997495353221893310546875.
//
// Approach: first clean binary noise by going to 12 significant digits (our figures are scores
// 0..100, means 1..5, ratings 0..10 and p values; a true value cannot sit within 1e-10 of a
// rounding boundary without being on it, because the denominators involved are small), then shift
// the decimal point by editing the exponent of the decimal string, so no multiplication adds error.

/** Round half away from zero to `decimals` places. @example roundTo(-1.25, 1) // -1.3 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const abs = Number(Math.abs(x).toPrecision(12));
  // Math.round rounds halves up, which is away from zero for the non-negative abs.
  const rounded = shiftDecimal(Math.round(shiftDecimal(abs, decimals)), -decimals);
  return x < 0 && rounded !== 0 ? -rounded : rounded; // never return -0
}

/** x × 10^places, exact in decimal: edits the exponent of x's shortest decimal form. */
function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent = "0"] = String(x).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** One decimal: scores and percentages. @example round1(0.05) // 0.1 */
export function round1(x: number): number {
  return roundTo(x, 1);
}

/** Two decimals: means and standard deviations. @example round2(2.675) // 2.68 */
export function round2(x: number): number {
  return roundTo(x, 2);
}

/** Three decimals: p values. @example round3(0.0519390077) // 0.052 */
export function round3(x: number): number {
  return roundTo(x, 3);
}
