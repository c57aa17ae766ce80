// Words that agree with a number ("1 vindt", "2 vinden"), chosen by the language's own plural
// rules rather than by `n === 1`, which is right for English and Dutch but not for every language.

/** A word's forms by plural category; `other` is required, the rest fall back to it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A count with its figure written for the language: the number picks the form, the text is shown. */
export interface Counted {
  n: number;
  text: string;
}

/**
 * The plural chooser of a locale.
 * @example pluralOf("nl-NL")(1, { one: "vindt", other: "vinden" }) // "vindt"
 */
export function pluralOf(locale: string): (n: number, forms: PluralForms) => string {
  const rules = new Intl.PluralRules(locale);
  return (n, forms) => forms[rules.select(n)] ?? forms.other;
}
