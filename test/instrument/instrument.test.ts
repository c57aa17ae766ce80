import { describe, expect, it } from "vitest";
import {
  getInstrument,
  INVOLVEMENT_CODES,
  type Instrument,
  type InstrumentInput,
  instrumentSchema,
  itemCodes,
  LANGUAGES,
  latestVersion,
  localize,
  pickText,
  THEME_CODES,
  TREND_CODES,
  themeOfItem,
} from "../../src/instrument";
import { coreV1 } from "../../src/instrument/core-v1";

type Found = { path: string; value: Record<string, unknown> };

/** Every object and array reachable from `root`, with its dotted path. */
function walk(root: unknown, path = ""): Found[] {
  if (typeof root !== "object" || root === null) return [];
  const value = root as Record<string, unknown>;
  const children = Object.entries(value).flatMap(([key, child]) => walk(child, path ? `${path}.${key}` : key));
  return [{ path, value }, ...children];
}

const isLocalText = (value: Record<string, unknown>) =>
  !Array.isArray(value) && Object.keys(value).sort().join(",") === LANGUAGES.join(",");

function core(): Instrument {
  const instrument = getInstrument("core");
  if (!instrument) throw new Error("core instrument is not registered");
  return instrument;
}

function question(instrument: Instrument, code: string) {
  const found = instrument.questions.find((q) => q.code === code);
  if (found?.kind !== "choice") throw new Error(`no choice question ${code}`);
  return found;
}

/** A mutable deep copy of core v1 to break. */
const copy = (): InstrumentInput => structuredClone(coreV1);

/** The issues zod reports for `input`, as "dotted.path: message". */
function issues(input: unknown): string[] {
  const result = instrumentSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];
}

describe("core v1", () => {
  it("parses through the schema", () => {
    const parsed = instrumentSchema.parse(coreV1);
    expect(parsed.id).toBe("core");
    expect(parsed.version).toBe(1);
    expect(parsed.themes.map((theme) => theme.code)).toEqual([...THEME_CODES]);
  });

  it("has every text in both languages, and statements really translated", () => {
    const texts = walk(core()).filter((found) => isLocalText(found.value));
    for (const { path, value } of texts) {
      for (const lang of LANGUAGES) {
        expect(typeof value[lang], `${path}.${lang}`).toBe("string");
        expect(String(value[lang]).trim(), `${path}.${lang}`).not.toBe("");
      }
    }
    const statements = texts.filter(({ path }) => /\.(items\.\d+\.text|intro|conversation\.\d+)$/.test(path));
    expect(statements.filter(({ path }) => path.includes(".items."))).toHaveLength(25);
    for (const { path, value } of statements) expect(value.en, path).not.toBe(value.nl);
  });

  it("numbers 4–6 items per theme as <theme>.<n>, unique across the instrument", () => {
    const instrument = core();
    for (const theme of instrument.themes) {
      expect(theme.items.length).toBeGreaterThanOrEqual(4);
      expect(theme.items.length).toBeLessThanOrEqual(6);
      expect(theme.items.map((item) => item.code)).toEqual(theme.items.map((_, i) => `${theme.code}.${i + 1}`));
      expect(theme.conversation.length).toBeGreaterThanOrEqual(2);
      expect(theme.conversation.length).toBeLessThanOrEqual(3);
    }
    const codes = itemCodes(instrument);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^(purpose|relationships|communication|governance|value)\.[1-9]\d*$/);
  });

  it("uses the exact trend and involvement option codes", () => {
    const instrument = core();
    expect(question(instrument, "trend").options.map((o) => o.code)).toEqual(["worse", "same", "better", "new"]);
    expect(question(instrument, "involvement").options.map((o) => o.code)).toEqual(["core", "active", "occasional"]);
    expect([...TREND_CODES]).toEqual(["worse", "same", "better", "new"]);
    expect([...INVOLVEMENT_CODES]).toEqual(["core", "active", "occasional"]);
  });

  it("tells members the profile questions are optional and used only for groups", () => {
    for (const code of ["organisationType", "professionalGroup"]) {
      const q = question(core(), code);
      expect(q.group).toBe("profile");
      expect(q.text.en).toMatch(/optional.*only used for group results/);
      expect(q.text.nl).toMatch(/niet verplicht.*alleen gebruikt voor groepsresultaten/);
    }
  });
});

describe("registry", () => {
  it("returns core v1 as the latest version and undefined for unknown ids or versions", () => {
    expect(latestVersion("core")).toBe(1);
    expect(getInstrument("core")?.version).toBe(1);
    expect(getInstrument("core", 1)).toBe(getInstrument("core"));
    expect(getInstrument("core", 2)).toBeUndefined();
    expect(getInstrument("nope")).toBeUndefined();
    expect(latestVersion("nope")).toBeUndefined();
  });

  it("hands out deeply frozen instruments", () => {
    const instrument = core();
    for (const { path, value } of walk(instrument)) expect(Object.isFrozen(value), path || "root").toBe(true);
    // ESM test files run in strict mode, so writing to a frozen object throws.
    const theme = instrument.themes[0];
    const item = theme?.items[0];
    if (!theme || !item) throw new Error("core has no first item");
    expect(() => {
      item.text.en = "changed";
    }).toThrow(TypeError);
    expect(() => theme.items.push({ code: "purpose.99", text: { en: "x", nl: "y" } })).toThrow(TypeError);
    expect(() => {
      (instrument as { version: number }).version = 2;
    }).toThrow(TypeError);
    expect(core().themes[0]?.items[0]?.text.en).not.toBe("changed");
  });
});

describe("helpers", () => {
  it("lists item codes in order and finds an item's theme", () => {
    const instrument = core();
    const codes = itemCodes(instrument);
    expect(codes).toHaveLength(25);
    expect(codes[0]).toBe("purpose.1");
    expect(codes.at(-1)).toBe("value.5");
    expect(themeOfItem(instrument, "governance.3")).toBe("governance");
    expect(themeOfItem(instrument, "governance.9")).toBeUndefined();
  });

  it("localizes every text to Dutch strings", () => {
    const instrument = core();
    const nl = localize(instrument, "nl");
    expect(nl.title).toBe("Temperatuurmeting van het netwerk");
    expect(nl.scale.labels).toEqual(["Helemaal oneens", "Oneens", "Niet eens, niet oneens", "Eens", "Helemaal eens"]);
    expect(nl.themes[0]?.title).toBe("Doel");
    expect(nl.themes[1]?.items[0]).toEqual({ code: "relationships.1", text: "De leden vertrouwen elkaar." });
    const trend = nl.questions.find((q) => q.code === "trend");
    expect(trend?.kind === "choice" && trend.options[0]).toEqual({ code: "worse", label: "Slechter" });
    expect(walk(nl).filter((found) => isLocalText(found.value))).toEqual([]);
    expect(localize(instrument, "en").themes[4]?.conversation[1]).toBe(
      pickText(instrument.themes[4]?.conversation[1] ?? { en: "", nl: "" }, "en"),
    );
  });
});

describe("schema rejects a broken copy", () => {
  it("with a missing Dutch text", () => {
    const broken = copy();
    const text: { nl?: string } | undefined = broken.themes[1]?.items[2]?.text;
    if (text) delete text.nl;
    expect(issues(broken).some((i) => i.startsWith("themes.1.items.2.text.nl:"))).toBe(true);
  });

  it("with a blank text", () => {
    const broken = copy();
    broken.title.en = "   ";
    expect(issues(broken)).toContain("title.en: Text must not be empty");
  });

  it("with a duplicate item code", () => {
    const broken = copy();
    const item = broken.themes[0]?.items[3];
    if (item) item.code = "purpose.2";
    expect(issues(broken)).toContain('themes.0.items.3.code: Duplicate item code "purpose.2"');
  });

  it("with an item code out of sequence or under the wrong theme", () => {
    const broken = copy();
    const [first, second] = broken.themes[2]?.items ?? [];
    if (first && second) [first.code, second.code] = ["communication.7", "purpose.2"];
    const found = issues(broken);
    expect(found.some((i) => i.startsWith("themes.2.items.0.code: Item codes are numbered 1..n"))).toBe(true);
    expect(found.some((i) => i.startsWith("themes.2.items.1.code:") && i.includes("communication.<n>"))).toBe(true);
  });

  it("with a theme of 3 items", () => {
    const broken = copy();
    const theme = broken.themes[2];
    if (theme) theme.items = theme.items.slice(0, 3);
    expect(issues(broken)).toContain("themes.2.items: A theme needs at least 4 items");
  });

  it("with a missing or misplaced theme", () => {
    const broken = copy();
    broken.themes = [...broken.themes.slice(1), ...broken.themes.slice(0, 1)].slice(1);
    const found = issues(broken);
    expect(found.some((i) => i.startsWith("themes: Expected exactly 5 themes"))).toBe(true);
    expect(found.some((i) => i.startsWith('themes.0.code: Theme 1 must be "purpose"'))).toBe(true);
  });

  it("with wrong trend codes", () => {
    const broken = copy();
    const index = broken.questions.findIndex((q) => q.code === "trend");
    const trend = broken.questions[index];
    if (trend?.kind === "choice" && trend.options[3]) trend.options[3].code = "recent";
    expect(issues(broken).some((i) => i.startsWith(`questions.${index}.options: "trend" options must be exactly`))).toBe(true);
  });

  it("with a duplicate option code or a missing question", () => {
    const broken = copy();
    const index = broken.questions.findIndex((q) => q.code === "professionalGroup");
    const group = broken.questions[index];
    if (group?.kind === "choice" && group.options[1]) group.options[1].code = "medical";
    broken.questions = broken.questions.filter((q) => q.code !== "involvement");
    const found = issues(broken);
    expect(found).toContain(`questions.${index - 1}.options.1.code: Duplicate option code "medical" in "professionalGroup"`);
    expect(found).toContain('questions: Question "involvement" must appear exactly once, found 0');
  });
});
