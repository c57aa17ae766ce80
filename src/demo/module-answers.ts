import type { RoundOrganisationRow } from "../db/schema";
import { MATURITY_V1 } from "../maturity/matrix-v1";
import type { ConnectionsAnswer, Level, MaturityMarks, MaturityValue, PartnerAnswer, SurveyModules } from "../survey/module-schemas";
import type { SurveyResponseInput } from "../survey/schemas";
import type { Leanings } from "./answers";
import { seededRandom } from "./answers";

const level = (x: number) => Math.min(4, Math.max(1, Math.round(x))) as Level;

/**
 * How closely two organisations of a round work together, 0 … 1: fixed per pair (whoever answers),
 * so that both sides' respondents describe much the same tie, as in a real network. Organisations
 * of the same type work together a little more.
 */
function closeness(a: RoundOrganisationRow, b: RoundOrganisationRow): number {
  const [low, high] = a.position < b.position ? [a, b] : [b, a];
  const base = seededRandom(low.position * 1009 + high.position * 7919 + 17)();
  return Math.min(1, base * base * 1.3 + (a.type === b.type ? 0.25 : 0));
}

/** One respondent's connections answers: mostly an organisation of their own, partners as the pairs' closeness says, with some spread. */
export function demoConnections(organisations: RoundOrganisationRow[], random: () => number): ConnectionsAnswer {
  const roll = random();
  if (roll < 0.06) return { organisation: "not_listed" };
  if (roll < 0.1) return { organisation: "prefer_not_to_say" };
  const own = organisations[Math.floor(random() * organisations.length)];
  if (!own) return {};
  const partners: PartnerAnswer[] = [];
  for (const other of organisations) {
    if (other.position === own.position) continue;
    const close = closeness(own, other);
    // One person does not know every partnership of their organisation: a tie is ticked more often the closer it is.
    if (random() > close * 0.9) continue;
    const reported = level(1 + close * 3.2 + (random() - 0.5) * 1.2);
    const partner: PartnerAnswer = { organisation: other.position, level: reported };
    if (reported >= 2) {
      if (random() < 0.9) partner.trust = level(1.6 + close * 2.4 + (random() - 0.5) * 1.4);
      if (random() < 0.85) partner.value = level(1.4 + close * 2.6 + (random() - 0.5) * 1.4);
    }
    partners.push(partner);
  }
  return partners.length > 0 ? { organisation: own.position, partners } : { organisation: own.position };
}

/** One respondent's maturity marks: "now" near the network's leaning, "in a year" a level or so above, a few "don't know" and skipped. */
export function demoMaturity(leanings: Leanings, random: () => number): MaturityMarks {
  const values = Object.values(leanings);
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const marks: MaturityMarks = {};
  for (const { code } of MATURITY_V1.dimensions) {
    if (random() < 0.05) continue;
    // The five themes' dimensions lean like their theme; membership, leadership and learning like the mean.
    const leaning = leanings[code] ?? mean;
    const current = level(((leaning - 1) / 4) * 3 + 1 + (random() - 0.5) * 1.6);
    const target = level(current + 0.6 + random());
    const dontKnow = (p: number, value: MaturityValue): MaturityValue => (random() < p ? "dont_know" : value);
    marks[code] = { current: dontKnow(0.07, current), target: dontKnow(0.05, target) };
  }
  return marks;
}

/** The modules' part of a demo response, for a round asking `modules` about `organisations`. */
export function demoModuleAnswers(
  modules: SurveyModules,
  organisations: RoundOrganisationRow[],
  leanings: Leanings,
  random: () => number,
): Pick<SurveyResponseInput, "maturity" | "connections"> {
  return {
    ...(modules.organisations > 0 ? { connections: demoConnections(organisations, random) } : {}),
    ...(modules.maturity ? { maturity: demoMaturity(leanings, random) } : {}),
  };
}
