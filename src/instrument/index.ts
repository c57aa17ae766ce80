import { z } from "zod";
import { coreV1 } from "./core-v1";
import {
  type Instrument,
  type InstrumentInput,
  instrumentSchema,
  type Lang,
  type LocalizedInstrument,
  type LocalizedQuestion,
  type LocalText,
  type Question,
  type ThemeCode,
} from "./schema";

export {
  type ChoiceQuestion,
  INVOLVEMENT_CODES,
  type Instrument,
  type InstrumentInput,
  type Item,
  instrumentSchema,
  LANGUAGES,
  type Lang,
  type Localized,
  type LocalizedInstrument,
  type LocalizedQuestion,
  type LocalizedTheme,
  type LocalText,
  MAX_THEME_ITEMS,
  type Option,
  type Question,
  type QuestionCode,
  type RatingQuestion,
  THEME_CODES,
  type Theme,
  type ThemeCode,
  TREND_CODES,
} from "./schema";

/**
 * Every published instrument version.
 *
 * Append-only. A version is immutable once a round has used it, because stored answers and
 * round-to-round comparisons rely on its item and option codes. To change the instrument, add a new
 * file (core-v2.ts) and append it here; never edit or remove a published version.
 */
const PUBLISHED: readonly InstrumentInput[] = [coreV1];

/** Freezes `value` and everything reachable from it, so a shared instrument cannot be changed by accident. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function buildRegistry(sources: readonly InstrumentInput[]): ReadonlyMap<string, ReadonlyMap<number, Instrument>> {
  const registry = new Map<string, Map<number, Instrument>>();
  for (const source of sources) {
    const parsed = instrumentSchema.safeParse(source);
    if (!parsed.success) {
      throw new Error(`Instrument ${source.id} v${source.version} is invalid:\n${z.prettifyError(parsed.error)}`);
    }
    const instrument = deepFreeze(parsed.data);
    const versions = registry.get(instrument.id) ?? new Map<number, Instrument>();
    if (versions.has(instrument.version)) {
      throw new Error(`Instrument ${instrument.id} v${instrument.version} is registered twice`);
    }
    versions.set(instrument.version, instrument);
    registry.set(instrument.id, versions);
  }
  return registry;
}

// Parsed once at module load: a broken instrument fails start-up and the tests, never a survey page.
const registry = buildRegistry(PUBLISHED);

/** The highest published version of instrument `id`, or undefined if there is no such instrument. */
export function latestVersion(id: string): number | undefined {
  const versions = registry.get(id);
  return versions ? Math.max(...versions.keys()) : undefined;
}

/**
 * A published instrument (deeply frozen), the latest version when `version` is omitted.
 *
 * @example
 * const core = getInstrument("core"); // core v1
 * getInstrument("core", 99); // undefined
 */
export function getInstrument(id: string, version?: number): Instrument | undefined {
  const wanted = version ?? latestVersion(id);
  return wanted === undefined ? undefined : registry.get(id)?.get(wanted);
}

/** All item codes of the instrument, theme by theme, in the order they are asked. */
export function itemCodes(instrument: Instrument): string[] {
  return instrument.themes.flatMap((theme) => theme.items.map((item) => item.code));
}

type ThemeItems = ReadonlyArray<{ readonly code: ThemeCode; readonly items: readonly string[] }>;

const themeItemsIn = (instrument: Instrument): ThemeItems =>
  instrument.themes.map((theme) => ({ code: theme.code, items: theme.items.map((item) => item.code) }));

/** Every published instrument (each version), parsed and frozen at module load. */
export const INSTRUMENTS: readonly Instrument[] = [...registry.values()].flatMap((versions) => [...versions.values()]);

// Worked out at module load for every published instrument (they never change), since every
// submission asks for it.
const THEME_ITEMS: ReadonlyMap<Instrument, ThemeItems> = new Map(INSTRUMENTS.map((instrument) => [instrument, themeItemsIn(instrument)]));

/** Each theme's code and item codes, in order: what scoring needs of an instrument. */
export function themeItems(instrument: Instrument): ThemeItems {
  return THEME_ITEMS.get(instrument) ?? themeItemsIn(instrument);
}

/** The theme an item belongs to, or undefined if the instrument has no such item. */
export function themeOfItem(instrument: Instrument, itemCode: string): ThemeCode | undefined {
  return instrument.themes.find((theme) => theme.items.some((item) => item.code === itemCode))?.code;
}

/** The text in one language. */
export function pickText(text: LocalText, lang: Lang): string {
  return text[lang];
}

function localizeQuestion(question: Question, lang: Lang): LocalizedQuestion {
  const t = (text: LocalText) => pickText(text, lang);
  if (question.kind === "rating") {
    return {
      ...question,
      text: t(question.text),
      minLabel: t(question.minLabel),
      maxLabel: t(question.maxLabel),
    };
  }
  return {
    ...question,
    text: t(question.text),
    options: question.options.map((option) => ({ code: option.code, label: t(option.label) })),
  };
}

/**
 * The instrument with every text in one language, ready for a survey page or a report.
 *
 * @example
 * localize(getInstrument("core")!, "nl").themes[0]?.title; // "Doel"
 */
export function localize(instrument: Instrument, lang: Lang): LocalizedInstrument {
  const t = (text: LocalText) => pickText(text, lang);
  const [l1, l2, l3, l4, l5] = instrument.scale.labels;
  return {
    id: instrument.id,
    version: instrument.version,
    title: t(instrument.title),
    scale: { labels: [t(l1), t(l2), t(l3), t(l4), t(l5)], dontKnow: t(instrument.scale.dontKnow) },
    themes: instrument.themes.map((theme) => ({
      code: theme.code,
      title: t(theme.title),
      intro: t(theme.intro),
      items: theme.items.map((item) => ({ code: item.code, text: t(item.text) })),
      commentPrompt: t(theme.commentPrompt),
      conversation: theme.conversation.map(t),
    })),
    questions: instrument.questions.map((question) => localizeQuestion(question, lang)),
  };
}
