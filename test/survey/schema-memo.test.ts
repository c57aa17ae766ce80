import { describe, expect, it } from "vitest";
import { getInstrument } from "../../src/instrument";
import { draftSchema, responseSchema, type SchemaMemo } from "../../src/survey/schemas";

const core = getInstrument("core");
if (!core) throw new Error("core instrument missing");
const modules = { organisations: 12, maturity: true };

// Building a round's schemas with modules takes milliseconds: each app keeps them (deps.survey.schemas).
describe("the schemas of rounds with modules", () => {
  it("are built once per app's memo, apart for another app, and fresh without a memo", () => {
    const memo: SchemaMemo = new Map();
    const first = responseSchema(core, modules, memo);
    expect(responseSchema(core, modules, memo)).toBe(first);
    expect(draftSchema(core, modules, memo)).toBe(draftSchema(core, modules, memo));
    expect(memo.size).toBe(1);
    expect(responseSchema(core, modules, new Map())).not.toBe(first);
    expect(responseSchema(core, modules)).not.toBe(first);
    // Rounds without modules share the read-only schemas built at load, memo or not.
    expect(responseSchema(core, undefined, memo)).toBe(responseSchema(core));
    expect(memo.size).toBe(1);
  });
});
