import { describe, expect, it } from "vitest";
import { maturityMatrixSchema } from "../../src/maturity/matrix-schema";
import { MATURITY_V1 } from "../../src/maturity/matrix-v1";

describe("the maturity matrix, version 1", () => {
  it("has eight dimensions in the agreed order, each with four descriptors in English and Dutch", () => {
    expect(MATURITY_V1.dimensions.map((d) => d.code)).toEqual([
      "purpose",
      "relationships",
      "communication",
      "governance",
      "value",
      "membership",
      "leadership",
      "learning",
    ]);
    expect(MATURITY_V1.levels.map((level) => level.title.nl)).toEqual(["Beginnend", "In ontwikkeling", "Volwassen wordend", "Bloeiend"]);
  });

  it("keeps every descriptor to one or two short sentences", () => {
    for (const dimension of MATURITY_V1.dimensions) {
      for (const descriptor of dimension.descriptors) {
        for (const text of [descriptor.en, descriptor.nl]) {
          const sentences = text.split(/(?<=[.!?])\s+/).filter(Boolean);
          expect(sentences.length, text).toBeLessThanOrEqual(2);
          expect(text.length, text).toBeLessThanOrEqual(200);
          expect(text.endsWith("."), text).toBe(true);
        }
      }
    }
  });

  it("says what members could see in plain words: short sentences, no jargon, the same in both languages", () => {
    // Words a reader at B1 level stumbles on, or that name our own machinery rather than the network.
    const jargon = {
      en: /\b(resources|centre|stakeholders?|synergy|leverage|governance|round|facilitat\w*|ecosystem|alignment)\b/i,
      nl: /\b(middelen|kern|stakeholders?|synergie|governance|ronde|meting|facilit\w*|ecosysteem|afstemming)\b/i,
    };
    for (const dimension of MATURITY_V1.dimensions) {
      for (const descriptor of dimension.descriptors) {
        for (const lang of ["en", "nl"] as const) {
          const text = descriptor[lang];
          for (const sentence of text.split(/(?<=[.!?])\s+/)) expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(22);
          expect(text, text).not.toMatch(jargon[lang]);
        }
        // A translation says the same: as many sentences in Dutch as in English.
        const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).length;
        expect(sentences(descriptor.nl), descriptor.en).toBe(sentences(descriptor.en));
      }
    }
  });

  it("refuses a matrix with a missing translation or levels out of order", () => {
    const missing = structuredClone(MATURITY_V1) as { dimensions: Array<{ descriptors: Array<{ en: string; nl?: string }> }> };
    delete missing.dimensions[0]?.descriptors[0]?.nl;
    expect(maturityMatrixSchema.safeParse(missing).success).toBe(false);
    const reordered = structuredClone(MATURITY_V1) as { levels: unknown[] };
    reordered.levels.reverse();
    expect(maturityMatrixSchema.safeParse(reordered).success).toBe(false);
  });
});
