// Breakdown by a background question, with small groups merged so that every shown bucket,
// "other" included, has at least minResponses respondents. Merging only the groups under the
// threshold is not enough: an "other" of 2 next to a shown total lets a reader subtract their
// way to a small group, so the smallest shown group is pulled into "other" until it is big enough.
// Respondents who skipped the question are a group of their own ("not answered"): left out,
// they would be the total minus the shown groups. Each figure (bucket × theme) then passes the
// same two rules again on the respondents who have a score in it (breakdown-cells.ts).
import { hideSmallCells } from "./breakdown-cells";
import type { BreakdownRow } from "./types";

export const OTHER_GROUP = "other";
/** The group of respondents who did not answer the question. An answer with this code joins it. */
export const NOT_ANSWERED_GROUP = "not_answered";

export interface Bucket {
  group: string;
  /** The answer codes pooled in this bucket (one for a shown group). */
  codes: string[];
  n: number;
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Decide which buckets to show from group sizes. Shown groups come in code order, "other" last;
 * an empty list means no breakdown (a single bucket would just repeat the round's total).
 * A group whose code is literally "other" is pooled into the "other" bucket.
 * @example planBuckets({ acute: 5, "primary care": 4, "social care": 3 }, 5)
 * // [{ group: "acute", codes: ["acute"], n: 5 }, { group: "other", codes: ["primary care", "social care"], n: 7 }]
 */
export function planBuckets(sizes: Record<string, number>, minResponses: number): Bucket[] {
  const shown: Bucket[] = [];
  const other: Bucket = { group: OTHER_GROUP, codes: [], n: 0 };
  for (const code of Object.keys(sizes).sort(byCode)) {
    const n = sizes[code] ?? 0;
    if (n <= 0) continue;
    if (n >= minResponses && code !== OTHER_GROUP) shown.push({ group: code, codes: [code], n });
    else joinOther(other, code, n);
  }
  while (other.n > 0 && other.n < minResponses && shown.length > 0) {
    const smallest = takeSmallest(shown);
    joinOther(other, smallest.group, smallest.n);
  }
  // "Not answered", when big enough to show, comes after the answers and before "other".
  const notAnswered = shown.findIndex((b) => b.group === NOT_ANSWERED_GROUP);
  if (notAnswered >= 0) shown.push(...shown.splice(notAnswered, 1));
  const buckets = other.n > 0 ? [...shown, other] : shown;
  return buckets.length < 2 ? [] : buckets;
}

function joinOther(other: Bucket, code: string, n: number): void {
  other.codes.push(code);
  other.codes.sort(byCode);
  other.n += n;
}

/** Remove and return the smallest bucket; ties go to the first code (shown is in code order). */
function takeSmallest(shown: Bucket[]): Bucket {
  let index = 0;
  shown.forEach((bucket, i) => {
    if (bucket.n < (shown[index]?.n ?? Number.POSITIVE_INFINITY)) index = i;
  });
  const [smallest] = shown.splice(index, 1);
  if (!smallest) throw new Error("takeSmallest called on an empty list");
  return smallest;
}

/** Respondent scores column by column: entry i of each column is respondent i; NaN = no score. */
export interface ScoreColumns {
  themes: Readonly<Record<string, Float64Array>>;
  overall: Float64Array;
}

/**
 * Breakdown rows for one background question: per shown bucket its n, temperature and theme
 * scores, aggregated from the same respondent scores the round totals use. `groups[i]` is
 * respondent i's answer to the question; null or empty means not answered, a group like any
 * other. A figure is null where fewer than minResponses respondents have a score in it, or where
 * showing it would let the figures left out add up to fewer than minResponses (hideSmallCells).
 */
export function breakdownBy(
  groups: ReadonlyArray<string | null | undefined>,
  scores: ScoreColumns,
  themeCodes: readonly string[],
  minResponses: number,
): BreakdownRow[] {
  // No prototype: group codes are user data, and "__proto__" must count like any other code.
  const sizes: Record<string, number> = Object.create(null);
  const groupOf = (i: number): string => groups[i] || NOT_ANSWERED_GROUP;
  for (let i = 0; i < groups.length; i++) sizes[groupOf(i)] = (sizes[groupOf(i)] ?? 0) + 1;
  const buckets = planBuckets(sizes, minResponses);
  const bucketOf: Record<string, number> = Object.create(null);
  buckets.forEach((bucket, b) => {
    for (const code of bucket.codes) bucketOf[code] = b;
  });

  // One pass over the respondents, in order, summing each bucket's scores: the same sums, in the
  // same order, as taking each bucket's members first and then their mean.
  const columns = [...themeCodes.map((code) => scores.themes[code]), scores.overall];
  const sums = buckets.map(() => new Float64Array(columns.length));
  const counts = buckets.map(() => new Float64Array(columns.length));
  groups.forEach((_, i) => {
    const b = bucketOf[groupOf(i)];
    const sum = b === undefined ? undefined : sums[b];
    const count = b === undefined ? undefined : counts[b];
    if (!sum || !count) return;
    for (let c = 0; c < columns.length; c++) {
      const v = columns[c]?.[i] ?? Number.NaN;
      if (Number.isNaN(v)) continue;
      sum[c] = (sum[c] ?? 0) + v;
      count[c] = (count[c] ?? 0) + 1;
    }
  });
  const shown = columns.map((_, c) =>
    hideSmallCells(
      counts.map((count) => count[c] ?? 0),
      minResponses,
    ),
  );
  const meanOf = (b: number, c: number): number | null => {
    const count = counts[b]?.[c] ?? 0;
    return count === 0 || !shown[c]?.[b] ? null : (sums[b]?.[c] ?? 0) / count;
  };
  return buckets.map((bucket, b) => ({
    group: bucket.group,
    n: bucket.n,
    overall: meanOf(b, themeCodes.length),
    themes: Object.fromEntries(themeCodes.map((code, c) => [code, meanOf(b, c)])),
  }));
}
