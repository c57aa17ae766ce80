import { describe, expect, it } from "vitest";
import { breakdownBy, planBuckets } from "../../src/results/breakdown";
import type { ScoredResponse } from "../../src/results/scoring";
import { scoreRound } from "../../src/results/scoring";
import { casesOfKind, scored } from "./reference";

/** Group answers for group sizes, each respondent scoring 50 on theme T and overall. */
function breakdownFor(sizes: Record<string, number>, minResponses: number) {
  const groups = Object.entries(sizes).flatMap(([group, n]) => Array.from({ length: n }, () => group));
  const fifty = () => new Float64Array(groups.length).fill(50);
  return breakdownBy(groups, { themes: { T: fifty() }, overall: fifty() }, ["T"], minResponses);
}

describe.each(casesOfKind("breakdown").map((c) => [c.name, c] as const))("%s", (_name, c) => {
  const minResponses = c.minResponses ?? 5;
  it.each((c.groups ?? []).map((g) => [JSON.stringify(g.sizes), g] as const))("%s", (_label, g) => {
    const buckets = planBuckets(g.sizes, minResponses);
    expect(buckets.map((b) => b.group)).toEqual(g.shown);
    for (const b of buckets) expect(b.n).toBeGreaterThanOrEqual(minResponses);

    // The same lists come out of the respondent-level breakdown, with n per bucket.
    const rows = breakdownFor(g.sizes, minResponses);
    expect(rows.map((r) => [r.group, r.n])).toEqual(buckets.map((b) => [b.group, b.n]));
  });
});

describe("planBuckets", () => {
  it("pulls the smallest shown group into other, first by code on a tie", () => {
    // acute 6 and primary care 6 tie; social care 2 → other (2 < 5); acute (first code) joins → other 8.
    expect(planBuckets({ "primary care": 6, acute: 6, "social care": 2 }, 5)).toEqual([
      { group: "primary care", codes: ["primary care"], n: 6 },
      { group: "other", codes: ["acute", "social care"], n: 8 },
    ]);
  });

  it("keeps pulling until other is big enough", () => {
    // a 1, b 1 → other 2; c 3 (smallest) joins → 5, still < 6; d 6 joins → 11; e 9 remains.
    expect(planBuckets({ a: 1, b: 1, c: 3, d: 6, e: 9 }, 6).map((b) => [b.group, b.n])).toEqual([
      ["e", 9],
      ["other", 11],
    ]);
  });

  it("pools a group literally coded other into the other bucket", () => {
    expect(planBuckets({ other: 5, acute: 5, x: 1 }, 5).map((b) => [b.group, b.n])).toEqual([
      ["acute", 5],
      ["other", 6],
    ]);
  });

  it("shows nothing when all groups together make one bucket", () => {
    expect(planBuckets({ a: 2, b: 2, c: 2 }, 5)).toEqual([]);
    expect(planBuckets({}, 5)).toEqual([]);
  });
});

describe("breakdown inside scoreRound", () => {
  const themes = [{ code: "T", items: ["t1"] }];
  // 5 in acute answering 5 (score 100), 5 in mental health answering 1 (score 0), 2 in primary care
  // answering 3 (score 50), and 3 who did not say their organisation type answering 3 (score 50).
  // "Not answered" (3) is a group too: with primary care (2) it makes other = 5, enough on its own.
  // other: (2 × 50 + 3 × 50)/5 = 50.
  const make = (answer: 1 | 3 | 5, organisationType: string | null, k: number): ScoredResponse[] =>
    Array.from({ length: k }, () => ({ answers: { t1: answer }, organisationType }));
  const responses = [...make(5, "acute", 5), ...make(1, "mental health", 5), ...make(3, "primary care", 2), ...make(3, null, 3)];
  const round = scored(scoreRound({ themes, responses, minResponses: 5 }));

  it("carries n, temperature and theme scores per bucket, those who did not answer in other", () => {
    expect(round.breakdowns.organisationType).toEqual([
      { group: "acute", n: 5, overall: 100, themes: { T: 100 } },
      { group: "mental health", n: 5, overall: 0, themes: { T: 0 } },
      { group: "other", n: 5, overall: 50, themes: { T: 50 } },
    ]);
  });

  it("shows no breakdown for a question nobody answered", () => {
    expect(round.breakdowns.professionalGroup).toEqual([]);
    expect(round.breakdowns.involvement).toEqual([]);
  });
});

it("treats a group code that looks like an object key as plain data", () => {
  const rows = breakdownFor({ ["__proto__"]: 5, acute: 5 }, 5);
  expect(rows.map((r) => [r.group, r.n])).toEqual([
    ["__proto__", 5],
    ["acute", 5],
  ]);
});
