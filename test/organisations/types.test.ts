import { describe, expect, it } from "vitest";
import { getInstrument } from "../../src/instrument";
import { guessOrganisationType, ORGANISATION_TYPES, organisationTypeLabel } from "../../src/organisations/types";

describe("organisation types", () => {
  it("are the core instrument's organisationType options, with their labels in both languages", () => {
    const question = getInstrument("core", 1)?.questions.find((q) => q.code === "organisationType");
    expect(question?.kind === "choice" && question.options.map((o) => o.code)).toEqual(ORGANISATION_TYPES);
    expect(organisationTypeLabel("mental_health", "nl")).toBe("Geestelijke gezondheidszorg (ggz)");
    expect(organisationTypeLabel("primary_care", "en")).toBe("General practice or primary care");
  });

  it.each([
    ["Valley General Hospital", "hospital"],
    ["Ziekenhuis Rivierenland", "hospital"],
    ["Riverside Medical Practice", "primary_care"],
    ["Huisartsenpraktijk De Linde", "primary_care"],
    ["Northside Primary Care Network", "primary_care"],
    ["Valley Community Nursing", "community"],
    ["Thuiszorg West", "community"],
    ["Valley Mental Health Trust", "mental_health"],
    ["GGZ Oost Brabant", "mental_health"],
    ["Zorgcentrum De Hof verpleeghuis", "care_home"],
    ["County Council Adult Social Care", "social_care"],
    ["Gemeente Utrecht", "social_care"],
    ["Age Well Valley (charity)", "voluntary"],
    ["Patient and carer representatives", "voluntary"],
    ["Valley Integrated Care Board", "commissioner"],
    ["Zorgkantoor Midden", "commissioner"],
    ["The Lighthouse", "other"],
  ])("guesses %s as %s", (name, type) => {
    expect(guessOrganisationType(name)).toBe(type);
  });
});
