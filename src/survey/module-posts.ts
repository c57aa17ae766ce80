import type { LocalizedInstrument } from "../instrument";
import type { ErrorDetail } from "../lib/errors";
import { levelsModel, ownOrganisationModel, partnersModel } from "./connections-model";
import { CONNECTIONS_PAGES, MATURITY_PAGES, type Step } from "./flow";
import { checkDraft, type Fields } from "./form";
import { maturityModel } from "./maturity-model";
import { moduleErrors } from "./module-errors";
import { mergeLevels, mergeMaturity, mergeOwnOrganisation, mergePartners } from "./module-form";
import { errorContext, type PageInput, type PageOutcome, target } from "./page-posts";
import type { SurveyDraft } from "./schemas";
import type { SurveyCtx } from "./survey-model";

/** The path of a module page ("connections", "2"), if the round asks that page. */
export function moduleStep(ctx: SurveyCtx, module: string | undefined, page: string | undefined): Step | undefined {
  const n = Number(page);
  if (!Number.isInteger(n) || n < 1) return undefined;
  const asked = ctx.modules?.modules;
  if (module === "connections" && (asked?.organisations ?? 0) > 0 && n <= CONNECTIONS_PAGES) return `connections/${n}`;
  if (module === "maturity" && asked?.maturity && n <= MATURITY_PAGES) return `maturity/${n}`;
  return undefined;
}

const CONNECTION_PAGES = ["connections-organisation", "connections-partners", "connections-levels"] as const;

/** A module page's template and model, filled with `values` (the draft, or what was just posted). */
export function modulePage(
  ctx: SurveyCtx,
  survey: LocalizedInstrument,
  step: Step,
  minResponses: number,
  values: SurveyDraft | Record<string, unknown>,
  details: ErrorDetail[] = [],
): { page: string; model: object } {
  const draft = values as SurveyDraft;
  const errors = moduleErrors(ctx, details, draft);
  const [module, page] = step.split("/");
  const n = Number(page);
  if (module === "maturity") return { page: "maturity", model: maturityModel(ctx, survey, n, minResponses, draft, errors) };
  const organisations = ctx.modules?.organisations ?? [];
  const build = [ownOrganisationModel, partnersModel, levelsModel][n - 1] ?? ownOrganisationModel;
  return {
    page: CONNECTION_PAGES[n - 1] ?? "connections-organisation",
    model: build(ctx, survey, organisations, minResponses, draft, errors),
  };
}

/** The draft with a posted module page merged in (unchecked). */
export function mergeModulePage(draft: SurveyDraft, step: Step, fields: Fields, ctx: SurveyCtx): Record<string, unknown> {
  const [module, page] = step.split("/");
  const n = Number(page);
  if (module === "maturity") return mergeMaturity(draft, fields, n);
  if (n === 1) return mergeOwnOrganisation(draft, fields);
  if (n === 2) return mergePartners(draft, fields, ctx.modules?.organisations ?? []);
  return mergeLevels(draft, fields);
}

/** A module page posted: merged into the draft and checked against the round. */
export function postModule(input: PageInput, step: Step, fields: Fields): PageOutcome {
  const candidate = mergeModulePage(input.draft, step, fields, input.ctx);
  const checked = checkDraft(input.instrument, candidate, input.ctx.modules?.modules, input.schemas);
  if ("errors" in checked) {
    const { ctx, survey } = errorContext(input, fields);
    return modulePage(ctx, survey, step, input.minResponses, candidate, checked.errors);
  }
  return { draft: checked.draft, save: fields.go === "save", href: target(input, fields, step, checked.draft) };
}
