import { MATURITY_V1 } from "../maturity/matrix-v1";
import type { SurveyModules } from "./module-schemas";
import type { SurveyDraft } from "./schemas";

/** The pages of the survey, as paths under /s/<token>. */
export type Step =
  | ""
  | `theme/${number}`
  | `connections/${number}`
  | `maturity/${number}`
  | "about"
  | "review"
  | "submit"
  | "saved"
  | "thanks";

/** The connections module's pages: your organisation, the partners you worked with, how you work with each. */
export const CONNECTIONS_PAGES = 3;
/** Dimensions of the maturity matrix per page. */
export const DIMENSIONS_PER_PAGE = 2;
export const MATURITY_PAGES = Math.ceil(MATURITY_V1.dimensions.length / DIMENSIONS_PER_PAGE);

/**
 * Every question page of a round, in order, then Check answers: the themes, the connections pages
 * (when the round asks them and has organisations), the maturity pages, "about you", Check answers.
 * "Step n of total" counts these, whatever a respondent skips.
 */
export function surveySteps(themes: number, modules: SurveyModules | undefined): Step[] {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  return [
    ...range(themes).map((n): Step => `theme/${n}`),
    ...(modules && modules.organisations > 0 ? range(CONNECTIONS_PAGES).map((n): Step => `connections/${n}`) : []),
    ...(modules?.maturity ? range(MATURITY_PAGES).map((n): Step => `maturity/${n}`) : []),
    "about",
    "review",
  ];
}

/**
 * Whether a page asks anything given the draft so far: "not listed" or "prefer not to say" (or no
 * answer) skips the partners and how you work with them; no partner ticked skips the last.
 */
export function applies(step: Step, draft: SurveyDraft | undefined): boolean {
  if (!draft) return true;
  const own = draft.connections?.organisation;
  if (step === "connections/2") return typeof own === "number";
  if (step === "connections/3") return typeof own === "number" && (draft.connections?.partners?.length ?? 0) > 0;
  return true;
}

/** The group a page belongs to ("theme", "connections", "maturity", …): "Change" walks through its own group. */
export const groupOf = (step: Step) => step.split("/")[0] ?? step;

/**
 * The pages before and after `step` that apply given `draft` (undefined: all apply, as in the
 * preview, where nothing is kept): Back from the first page is the welcome page.
 */
export function neighbours(steps: Step[], step: Step, draft: SurveyDraft | undefined): { back: Step; next: Step } {
  const at = steps.indexOf(step);
  const before = steps.slice(0, Math.max(at, 0)).reverse();
  const after = steps.slice(at + 1);
  return {
    back: before.find((s) => applies(s, draft)) ?? "",
    next: after.find((s) => applies(s, draft)) ?? "review",
  };
}
