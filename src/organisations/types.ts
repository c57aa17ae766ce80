import { getInstrument, type Lang } from "../instrument";

// The core instrument's organisation types: one list for the profile question, the organisations
// page and the network map's legend, so that a type means the same everywhere.
const question = getInstrument("core", 1)?.questions.find((q) => q.code === "organisationType");
if (question?.kind !== "choice") throw new Error("core v1 has no organisationType question");
const OPTIONS = question.options;

/** The organisation type codes, in the instrument's order (hospital … other). */
export const ORGANISATION_TYPES = OPTIONS.map((o) => o.code) as [string, ...string[]];

/** A type's label in `lang`, or the code itself for a code the instrument does not know. */
export function organisationTypeLabel(code: string, lang: Lang): string {
  return OPTIONS.find((o) => o.code === code)?.label[lang] ?? code;
}

/** Every type with its label, for a select; `selected` marks one. */
export function organisationTypeOptions(lang: Lang, selected?: string) {
  return OPTIONS.map((o) => ({ value: o.code, label: o.label[lang], selected: o.code === selected }));
}

// Words in English and Dutch organisation names that say what kind of organisation it is, most
// telling first: "GGZ thuiszorg" is mental health, "Hospital at home" a hospital.
const HINTS: readonly [RegExp, string][] = [
  [/mental|ggz|psychiatr|geestelijke/i, "mental_health"],
  [/hospice|care home|nursing home|verpleeghuis|verzorgingshuis|woonzorg/i, "care_home"],
  [/hospital|ziekenhuis|medical cent(er|re)|umc\b|infirmary|nhs .*trust/i, "hospital"],
  [/\bgp\b|practice|surgery|primary care|huisarts|praktijk|eerstelijn|apothe|pharmac/i, "primary_care"],
  [/community (health|nursing|care)|district nurs|home care|wijkverpleg|thuiszorg|nursing/i, "community"],
  [/council|social care|social services|gemeente|sociaal|wijkteam|housing|wonen/i, "social_care"],
  [/commissioning|\bicb\b|\bccg\b|integrated care board|zorgverzekeraar|zorgkantoor|funder/i, "commissioner"],
  [/charity|voluntary|volunteer|patient|carer|mantelzorg|vrijwillig|stichting|welzijn|age (uk|well)/i, "voluntary"],
];

/**
 * A sensible first guess of an organisation's type from its name, for the "add the organisations
 * named in the roster" form; the facilitator checks it there. "other" when nothing matches.
 * @example guessOrganisationType("Valley General Hospital") // "hospital"
 */
export function guessOrganisationType(name: string): string {
  return HINTS.find(([pattern]) => pattern.test(name))?.[1] ?? "other";
}
