// How long the questionnaire takes, one figure for every place that tells members (the welcome
// page, the poster, the invitation email). About 10 minutes for the themes, the overall rating and
// "about you" (DOMAIN.md); each module adds about 5: the network map asks for a few partners and
// how you work with each, the maturity matrix places the network twice on eight dimensions.
import type { SurveyModules } from "./module-schemas";

const CORE_MINUTES = 10;
const MODULE_MINUTES = 5;

/** What a round asks after the themes: the network map only when it has organisations to ask about, as its pages do. */
export function asksModules(modules: SurveyModules | undefined) {
  return { connections: (modules?.organisations ?? 0) > 0, maturity: modules?.maturity ?? false };
}

/**
 * About how many minutes the round's questionnaire takes.
 * @example surveyMinutes({ organisations: 6, maturity: true }) // 20
 */
export function surveyMinutes(modules: SurveyModules | undefined): number {
  const asks = asksModules(modules);
  return CORE_MINUTES + (asks.connections ? MODULE_MINUTES : 0) + (asks.maturity ? MODULE_MINUTES : 0);
}
