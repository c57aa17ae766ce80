import { describe, expect, it } from "vitest";
import type { ChangeSet, ScoredResponse, ScoredRound } from "../../src/results/scoring";
import { compareRounds, respondentColumns, respondentOverallScores, scoreRound } from "../../src/results/scoring";
import type { ExpectedChange, ExpectedRound } from "./reference";
import { caseKind, casesOfKind, close, closeAll, reference, referenceThemes, scored } from "./reference";

/** Each respondent's theme and overall scores, in the fixture's shape (respondents without one left out). */
function respondentsOf(responses: ScoredResponse[]) {
  const columns = respondentColumns(responses, referenceThemes);
  const present = (column: Float64Array | undefined) => [...(column ?? [])].filter((v) => !Number.isNaN(v));
  return {
    overall: present(respondentOverallScores(columns, referenceThemes)),
    theme: (code: string) => present(columns.themeScores[code]),
  };
}

/** Check every number the fixture gives for one round, and for each of its respondents. */
function expectRound(actual: ScoredRound, expected: ExpectedRound, responses: ScoredResponse[]): void {
  const respondents = respondentsOf(responses);
  expect(actual.n).toBe(expected.n);
  close(actual.overall.score, expected.overall, "overall");
  expect(actual.overall.n).toBe(expected.respondentOverallScores.length);
  closeAll(respondents.overall, expected.respondentOverallScores, "respondentOverallScores");
  expect(actual.themes.map((t) => t.code)).toEqual(Object.keys(expected.themes));
  for (const theme of actual.themes) {
    const e = expected.themes[theme.code];
    if (!e) throw new Error(`fixture has no theme ${theme.code}`);
    close(theme.score, e.score, `${theme.code}.score`);
    close(theme.sd, e.sd, `${theme.code}.sd`);
    expect(theme.n, `${theme.code}.n`).toBe(e.n);
    closeAll(respondents.theme(theme.code), e.respondentScores, `${theme.code}.respondentScores`);
    expect(theme.items.map((i) => i.code)).toEqual(Object.keys(e.items));
    for (const item of theme.items) {
      const ei = e.items[item.code];
      if (!ei) throw new Error(`fixture has no item ${item.code}`);
      expect({ n: item.n, dontKnow: item.dontKnow, shown: item.shown, distribution: item.distribution }, item.code).toEqual({
        n: ei.n,
        dontKnow: ei.dontKnow,
        shown: ei.shown,
        distribution: ei.distribution,
      });
      // The fixture omits figures of items with n = 0; ours are null.
      for (const key of ["mean", "sd", "score", "favourable", "neutral", "unfavourable"] as const) {
        close(item[key], ei[key], `${item.code}.${key}`);
      }
    }
  }
}

function expectChange(actual: ChangeSet["overall"], expected: ExpectedChange, label: string): void {
  for (const key of ["delta", "t", "df", "p"] as const) close(actual[key], expected[key], `${label}.${key}`);
  expect(actual.notable, `${label}.notable`).toBe(expected.notable);
}

describe("reference fixture", () => {
  it("has only case shapes this suite knows how to replay", () => {
    expect(reference.cases.map(caseKind)).toHaveLength(reference.cases.length);
  });

  describe.each(casesOfKind("round").map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { responses = [], expected } = c;
    if (!expected) throw new Error("round case without expected");
    const current = scoreRound({
      themes: referenceThemes,
      responses,
      minResponses: expected.minResponses,
    });

    it("matches every item, theme and overall figure", () => expectRound(scored(current), expected, responses));

    if (c.previous) {
      const previousCase = c.previous;
      const previous = scoreRound({
        themes: referenceThemes,
        responses: previousCase.responses,
        minResponses: previousCase.expected.minResponses,
      });
      it("matches the previous round", () => expectRound(scored(previous), previousCase.expected, previousCase.responses));
      it("matches delta, t, df, p and notable for the temperature and every theme", () => {
        const change = compareRounds(current, previous);
        if (!c.change) throw new Error("previous round without change");
        expectChange(change.overall, c.change.overall, "overall");
        expect(Object.keys(change.themes)).toEqual(Object.keys(c.change.themes));
        for (const [code, e] of Object.entries(c.change.themes)) {
          const actual = change.themes[code];
          if (!actual) throw new Error(`no change for ${code}`);
          expectChange(actual, e, code);
        }
        // governance sits at p = 0.0519: close to, but not under, 0.05.
        expect(change.themes.governance?.p).toBeGreaterThan(0.05);
        expect(change.themes.governance?.notable).toBe(false);
      });
    }
  });

  describe.each(casesOfKind("suppression").map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const minResponses = c.minResponses ?? 5;
    it.each(c.rounds ?? [])("n = $n → suppressed $suppressed", ({ n, suppressed }) => {
      const responses: ScoredResponse[] = Array.from({ length: n }, () => ({
        answers: { "purpose.1": 4 },
        overall: 8,
        trend: "same",
      }));
      const round = scoreRound({ themes: referenceThemes, responses, minResponses });
      expect(round.suppressed).toBe(suppressed);
      // Nothing derived from answers on a suppressed round: exactly these three keys.
      if (suppressed) expect(round).toEqual({ n, minResponses, suppressed: true });
    });
  });

  it("suppresses the single-answer case at minResponses 5, as its name says", () => {
    const single = reference.cases.find((c) => c.name.startsWith("single respondent"));
    const round = scoreRound({
      themes: referenceThemes,
      responses: single?.responses ?? [],
      minResponses: 5,
    });
    expect(round).toEqual({ n: 1, minResponses: 5, suppressed: true });
  });
});
