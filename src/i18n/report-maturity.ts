// The texts of the report's Maturity section and of the guide's maturity topics, in English and
// Dutch. Figures and level names arrive formatted; these functions only place them in a sentence.
import type { Lang } from "../instrument";
import type { Counted } from "./plural";
import { pluralOf } from "./plural";

export interface MaturityMessages {
  title: string;
  intro: string;
  /** Column and row headings of the grid. */
  dimension: string;
  side: string;
  now: string;
  inAYear: string;
  answers: string;
  spread: string;
  median: string;
  legend: string;
  barLegend: string;
  /** What "largest gap" and "divided" mean, and when a side is not shown. */
  rules: (min: string) => string;
  tooFew: (n: string) => string;
  largestGap: string;
  divided: string;
  /** "Most members see governance as Developing and want it Maturing within a year." */
  sentence: (p: { dimension: string; now: string; target: string | null; most: boolean; gap: number | null }) => string;
  tooFewNow: (dimension: string) => string;
  dividedSentence: (lower: Counted, upper: Counted) => string;
  change: (round: string, parts: string[]) => string;
  /** One side's change: its median in levels (n picks the plural), the share at levels 3–4 in points. */
  changeSide: (side: string, levels: Counted, points: string) => string;
  guide: {
    title: string;
    startUp: string;
    gap: (now: string, target: string) => string;
    divided: (lower: Counted, upper: Counted) => string;
    askDivided: string;
    askNext: (level: string, descriptor: string) => string;
    askWho: string;
  };
}

const enPlural = pluralOf("en-GB");
const nlPlural = pluralOf("nl-NL");
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const en: MaturityMessages = {
  title: "Maturity",
  intro:
    "Where members put the network now, and where they want it to be in a year, on eight parts of network working. Each row counts how many members chose each level. Dimensions with the largest gap and those where members are divided come first.",
  dimension: "Dimension",
  side: "Where",
  now: "Now",
  inAYear: "In a year",
  answers: "Answers",
  spread: "Spread of answers",
  median: "the middle answer",
  legend: '◆ marks the middle answer (the median): half of the members chose this level or a lower one. "Don\'t know" is not counted.',
  barLegend: "In the bars, 1 to 4 are the levels Emerging, Developing, Maturing and Thriving.",
  rules: (min) =>
    `The gap: how many levels higher members want the network in a year than where they see it now (comparing the middle answers). Divided: at least a quarter of the answers for now are Emerging or Developing and at least a quarter Maturing or Thriving. A row with fewer than ${min} answers shows no figures, to keep members anonymous.`,
  tooFew: (n) => `too few answers (${n})`,
  largestGap: "Largest gap",
  divided: "Divided",
  sentence: ({ dimension, now, target, most, gap }) => {
    const start = most ? `Most members see ${lower(dimension)} as ${now}` : `For ${lower(dimension)}, the middle answer is ${now}`;
    if (target === null) return `${start}. Too few members said where it should be in a year.`;
    if (gap === 0) return `${start}, and ${most ? "want" : "members want"} it to stay ${target} in a year.`;
    return `${start}, and ${most ? "want" : "members want"} it ${target} within a year.`;
  },
  tooFewNow: (dimension) => `Too few members said where ${lower(dimension)} is now.`,
  dividedSentence: (low, high) =>
    `Members are divided: ${low.text} put it at Emerging or Developing, ${high.text} at Maturing or Thriving.`,
  change: (round, parts) => `Since "${round}": ${parts.join("; ")}.`,
  changeSide: (side, levels, points) =>
    `${side}: middle answer ${levels.text} ${enPlural(Math.abs(levels.n), { one: "level", other: "levels" })}, ${points} points at Maturing or Thriving`,
  guide: {
    title: "From the maturity matrix",
    startUp: "For a network that is starting up, a shared purpose and early relationships come first.",
    gap: (now, target) => `Members see it as ${now} now and want it ${target} within a year.`,
    divided: (low, high) =>
      `Members are divided: ${low.text} ${enPlural(low.n, { one: "puts", other: "put" })} it at Emerging or Developing, ${high.text} at Maturing or Thriving.`,
    askDivided: "Those who chose a low level and those who chose a high one: what do you each see happening?",
    askNext: (level, descriptor) => `The next level, ${level}, reads: "${descriptor}" What would we need to do this year to get there?`,
    askWho: "Who takes this up, and how will we know in a year that it has worked?",
  },
};

const nl: MaturityMessages = {
  title: "Volwassenheid",
  intro:
    "Waar leden het netwerk nu zien, en waar ze het over een jaar willen hebben, op acht onderdelen van samenwerken in een netwerk. Elke rij telt hoeveel leden elk niveau kozen. Onderdelen met het grootste verschil en onderdelen waarover leden verdeeld zijn, staan bovenaan.",
  dimension: "Onderdeel",
  side: "Wanneer",
  now: "Nu",
  inAYear: "Over een jaar",
  answers: "Aantal",
  spread: "Verdeling van de antwoorden",
  median: "het middelste antwoord",
  legend:
    '◆ staat bij het middelste antwoord (de mediaan): de helft van de leden koos dit niveau of een lager niveau. "Weet ik niet" telt niet mee.',
  barLegend: "In de balken zijn 1 tot 4 de niveaus beginnend, in ontwikkeling, volwassen wordend en bloeiend.",
  rules: (min) =>
    `Het verschil: hoeveel niveaus hoger leden het netwerk over een jaar willen hebben dan waar ze het nu zien (de middelste antwoorden vergeleken). Verdeeld: minstens een kwart van de antwoorden voor nu is beginnend of in ontwikkeling, en minstens een kwart volwassen wordend of bloeiend. Een rij met minder dan ${min} antwoorden toont geen cijfers, zodat leden anoniem blijven.`,
  tooFew: (n) => `te weinig antwoorden (${n})`,
  largestGap: "Grootste verschil",
  divided: "Verdeeld",
  sentence: ({ dimension, now, target, most, gap }) => {
    const start = most
      ? `De meeste leden vinden ${lower(dimension)} nu ${lower(now)}`
      : `Bij ${lower(dimension)} is het middelste antwoord nu ${lower(now)}`;
    if (target === null) return `${start}. Te weinig leden zeiden waar het over een jaar moet staan.`;
    if (gap === 0) return `${start}, en ${most ? "ze willen" : "leden willen"} dat het over een jaar ${lower(target)} blijft.`;
    return `${start}, en ${most ? "ze willen" : "leden willen"} dat het over een jaar ${lower(target)} is.`;
  },
  tooFewNow: (dimension) => `Te weinig leden zeiden waar ${lower(dimension)} nu staat.`,
  dividedSentence: (low, high) =>
    `Leden zijn verdeeld: ${low.text} ${nlPlural(low.n, { one: "kiest", other: "kiezen" })} beginnend of in ontwikkeling, ${high.text} volwassen wordend of bloeiend.`,
  change: (round, parts) => `Sinds "${round}": ${parts.join("; ")}.`,
  changeSide: (side, levels, points) =>
    `${side}: middelste antwoord ${levels.text} ${nlPlural(Math.abs(levels.n), { one: "niveau", other: "niveaus" })}, ${points} procentpunt bij volwassen wordend of bloeiend`,
  guide: {
    title: "Uit de volwassenheidsmatrix",
    startUp: "Voor een netwerk dat net begint, komen een gedeeld doel en de eerste relaties eerst.",
    gap: (now, target) => `Leden vinden het nu ${lower(now)} en willen dat het over een jaar ${lower(target)} is.`,
    divided: (low, high) =>
      `Leden zijn verdeeld: ${low.text} ${nlPlural(low.n, { one: "kiest", other: "kiezen" })} beginnend of in ontwikkeling, ${high.text} volwassen wordend of bloeiend.`,
    askDivided: "Wie een laag niveau koos en wie een hoog niveau koos: wat zien jullie elk gebeuren?",
    askNext: (level, descriptor) =>
      `Het volgende niveau, ${lower(level)}, luidt: "${descriptor}" Wat moeten we dit jaar doen om daar te komen?`,
    askWho: "Wie pakt dit op, en hoe weten we over een jaar dat het gewerkt heeft?",
  },
};

/** The Maturity section's texts in `lang`. */
export function maturityMessagesFor(lang: Lang): MaturityMessages {
  return lang === "nl" ? nl : en;
}
