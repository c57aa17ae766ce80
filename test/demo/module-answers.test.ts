// The demo's answers for a round with the modules: valid for the round, the same at every start,
// and stored like members' answers.
import { describe, expect, it } from "vitest";
import { demoAnswers, seededRandom } from "../../src/demo/answers";
import { demoModuleAnswers } from "../../src/demo/module-answers";
import { getInstrument } from "../../src/instrument";
import { closeRound } from "../../src/rounds/lifecycle";
import { roundModules } from "../../src/survey/modules";
import { responseSchema } from "../../src/survey/schemas";
import { submitResponse } from "../../src/survey/submit";
import { createTestApp } from "../support/app";
import { makeInvitation } from "../support/factories";
import { openModuleSurvey } from "../survey/module-helpers";

const core = getInstrument("core", 1);
if (!core) throw new Error("core v1 is missing");
const LEANINGS = { purpose: 3.7, relationships: 3.8, communication: 3.5, governance: 2.8, value: 3.3 };

describe("demo answers for a round with the modules", () => {
  it("are valid for the round, the same from the same seed, and written out as the modules' rows", () => {
    const t = createTestApp();
    const { round } = openModuleSurvey(t, { organisations: 60, minResponses: 5 });
    const { modules, organisations } = roundModules(t.db, round);
    const generate = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 40 }, () => ({
        ...demoAnswers(core, LEANINGS, random),
        ...demoModuleAnswers(modules, organisations, LEANINGS, random),
      }));
    };
    const inputs = generate(7);
    expect(generate(7)).toEqual(inputs);
    for (const input of inputs) expect(responseSchema(core, modules).safeParse(input).error).toBeUndefined();
    // Some name no organisation; most tick partners; every maturity side is sometimes "don't know".
    expect(inputs.some((i) => typeof i.connections?.organisation === "string")).toBe(true);
    expect(inputs.filter((i) => (i.connections?.partners?.length ?? 0) > 0).length).toBeGreaterThan(25);

    for (const input of inputs) submitResponse(t.deps, makeInvitation(t, round.id).token, input);
    closeRound(t.deps, round);
    const count = (table: string) => t.db.$client.prepare(`select count(*) from ${table} where round_id = ?`).pluck().get(round.id);
    expect(count("connection_records")).toBe(inputs.filter((i) => i.connections?.organisation !== undefined).length);
    expect(count("connection_levels")).toBe(inputs.reduce((n, i) => n + (i.connections?.partners?.length ?? 0), 0));
    expect(count("connection_ratings")).toBeGreaterThan(0);
    expect(count("maturity_answers")).toBeGreaterThan(40 * 6);
  });

  it("leaves a round without modules as it was", () => {
    const random = seededRandom(1);
    expect(demoModuleAnswers({ organisations: 0, maturity: false }, [], LEANINGS, random)).toEqual({});
    // No draw was used: the rest of the demo stays the same.
    expect(random()).toBe(seededRandom(1)());
  });
});
