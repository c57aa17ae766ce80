// Hand-made rounds for the report's text tests: every answer chosen, so every figure is known.
import type { Stage } from "../../src/db/schema";
import type { Lang } from "../../src/instrument";
import { type ReportModel, reportModel } from "../../src/reports/report-model";
import { createTestApp } from "../support/app";
import { makeNetwork } from "../support/factories";
import type { StoredResponse } from "../support/responses";
import { closedRoundWith, type RoundOptions } from "./fixtures";

export const NOW = new Date("2026-03-02T09:00:00Z");
export const THEME_CODES = ["purpose", "relationships", "communication", "governance", "value"] as const;

/** `n` respondents who all give `level` to every statement of each theme, unless `answer` says otherwise. */
export function sameAnswers(
  n: number,
  levels: Record<string, 1 | 2 | 3 | 4 | 5>,
  answer?: (r: number, item: string) => StoredResponse["answers"][string] | undefined,
): StoredResponse[] {
  return Array.from({ length: n }, (_, r) => {
    const answers: StoredResponse["answers"] = {};
    for (const [theme, level] of Object.entries(levels)) {
      for (let i = 1; i <= 5; i++) {
        const code = `${theme}.${i}`;
        const value = answer?.(r, code) ?? level;
        answers[code] = value;
      }
    }
    return { answers, overall: 6 };
  });
}

/** Throws unless the report has results. */
export function shown(model: ReportModel) {
  if (model.suppressed !== null) throw new Error("expected a report with results");
  return model;
}

/** A test app with one network and a closed round of `responses`; `model(lang)` builds its report. */
export function handMadeReport(responses: StoredResponse[], options: RoundOptions & { stage?: Stage } = {}) {
  const t = createTestApp({ now: NOW.toISOString() });
  const network = makeNetwork(t, { stage: options.stage ?? "developing" });
  const round = closedRoundWith(t, network.id, responses, options);
  const model = async (lang: Lang) => reportModel(t.deps, round, network, lang, NOW);
  return { t, network, round, model };
}
