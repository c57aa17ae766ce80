// Breakdown by a background question, with small groups merged so that every shown bucket,
// "other" included, has at least minResponses respondents. Merging only the groups under the
// threshold is not enough: an "other" of 2 next to a shown total lets a reader subtract their
// way to a small group, so the smallest shown group is pulled into "other" until it is big enough.
import { mean } from "./stats";
import type { BreakdownRow, RespondentScores } from "./types";

export const OTHER_GROUP = "other";

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

export interface GroupedRespondent {
  /** The respondent's answer to the background question; null/empty means not answered. */
  group: string | null | undefined;
  scores: RespondentScores;
}

/**
 * Breakdown rows for one background question: per shown bucket its n, temperature and theme
 * scores, aggregated from the same respondent scores the round totals use.
 */
export function breakdownBy(
  respondents: readonly GroupedRespondent[],
  themeCodes: readonly string[],
  minResponses: number,
): BreakdownRow[] {
  // Respondents who did not answer the question are in no bucket.
  const answered = respondents.filter((r): r is GroupedRespondent & { group: string } => Boolean(r.group));
  // No prototype: group codes are user data, and "__proto__" must count like any other code.
  const sizes: Record<string, number> = Object.create(null);
  for (const r of answered) sizes[r.group] = (sizes[r.group] ?? 0) + 1;

  return planBuckets(sizes, minResponses).map((bucket) => {
    const members = answered.filter((r) => bucket.codes.includes(r.group)).map((r) => r.scores);
    const themes: Record<string, number | null> = {};
    for (const code of themeCodes) themes[code] = mean(present(members.map((s) => s.themes[code])));
    return {
      group: bucket.group,
      n: members.length,
      overall: mean(present(members.map((s) => s.overall))),
      themes,
    };
  });
}

function present(values: ReadonlyArray<number | null | undefined>): number[] {
  return values.filter((v): v is number => typeof v === "number");
}
