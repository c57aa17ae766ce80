// Typed access to test/fixtures/scoring-reference.json (computed with numpy/scipy). Read from
// the project's own copy: tests never reach into ../shared.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { RoundScores, ScoredResponse, ScoredRound, ThemeDef } from "../../src/results/scoring";

/** Item as the fixture writes it: figures are absent (not null) when n = 0. */
export interface ExpectedItem {
  n: number;
  dontKnow: number;
  distribution: number[];
  mean?: number;
  sd?: number | null;
  score?: number;
  favourable?: number;
  neutral?: number;
  unfavourable?: number;
  shown: boolean;
}

export interface ExpectedTheme {
  score: number | null;
  sd: number | null;
  n: number;
  respondentScores: number[];
  items: Record<string, ExpectedItem>;
}

export interface ExpectedRound {
  n: number;
  minResponses: number;
  overall: number | null;
  respondentOverallScores: number[];
  themes: Record<string, ExpectedTheme>;
}

export interface RoundCase {
  responses: ScoredResponse[];
  expected: ExpectedRound;
}

export interface ExpectedChange {
  delta: number | null;
  t: number | null;
  df: number | null;
  p: number | null;
  notable: boolean;
}

export interface ReferenceCase {
  name: string;
  responses?: ScoredResponse[];
  expected?: ExpectedRound;
  previous?: RoundCase;
  change?: { overall: ExpectedChange; themes: Record<string, ExpectedChange> };
  minResponses?: number;
  rounds?: Array<{ n: number; suppressed: boolean }>;
  groups?: Array<{ sizes: Record<string, number>; shown: string[] }>;
}

interface Reference {
  about: string;
  themes: string[];
  items: Record<string, string[]>;
  cases: ReferenceCase[];
}

export const reference = JSON.parse(readFileSync(new URL("../fixtures/scoring-reference.json", import.meta.url), "utf8")) as Reference;

export const referenceThemes: ThemeDef[] = reference.themes.map((code) => ({
  code,
  items: reference.items[code] ?? [],
}));

export type CaseKind = "round" | "suppression" | "breakdown";

/** Which test file replays a case; unknown shapes throw so a new case cannot be skipped silently. */
export function caseKind(c: ReferenceCase): CaseKind {
  if (c.responses && c.expected) return "round";
  if (c.rounds) return "suppression";
  if (c.groups) return "breakdown";
  throw new Error(`reference case of unknown shape: ${c.name}`);
}

export function casesOfKind(kind: CaseKind): ReferenceCase[] {
  return reference.cases.filter((c) => caseKind(c) === kind);
}

/** Full-precision comparisons: the fixture is unrounded, tolerance 1e-9. */
export const TOLERANCE = 1e-9;

/** Equal within TOLERANCE; a null/absent expectation means the figure must be null. */
export function close(actual: number | null | undefined, expected: number | null | undefined, label: string): void {
  if (expected === null || expected === undefined) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(typeof actual, label).toBe("number");
  expect(Math.abs((actual ?? Number.NaN) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOLERANCE);
}

export function closeAll(actual: readonly number[], expected: readonly number[], label: string): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (const [i, e] of expected.entries()) close(actual[i], e, `${label}[${i}]`);
}

export function scored(round: RoundScores): ScoredRound {
  if (round.suppressed) throw new Error("expected a scored round");
  return round;
}
