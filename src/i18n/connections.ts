// Every text of the network map's views (report section, members' mirror, facilitator page), in
// English and Dutch, in the plain words of DOMAIN.md. Figures arrive formatted for the language.
import type { Lang } from "../instrument";

export interface MapMessages {
  title: string;
  intro: string;
  mapTitle: (network: string) => string;
  suppressed: (records: string, min: string) => string;
  levels: Record<1 | 2 | 3 | 4, string>;
  lineKey: string;
  strongOnly: (limit: string) => string;
  facts: string;
  density: (inTen: string, ties: string, possible: string) => string;
  densityFew: (ties: string, possible: string) => string;
  centralization: (value: string) => string;
  reciprocity: (percent: string) => string;
  reciprocityNone: string;
  components: (n: number, text: string) => string;
  trust: (mean: string, organisations: string) => string;
  value: (mean: string, organisations: string) => string;
  trustHidden: string;
  valueHidden: string;
  brokers: string;
  brokersIntro: string;
  brokersNone: string;
  isolates: string;
  isolatesIntro: string;
  isolatesNone: string;
  gaps: string;
  gapsIntro: string;
  gapsNone: string;
  gap: (a: string, aSays: string, b: string, bSays: string) => string;
  gapsMore: (n: string) => string;
  introductions: string;
  introductionsIntro: string;
  introductionsNone: string;
  introduction: (a: string, b: string, via: string) => string;
  change: string;
  changeSince: (round: string) => string;
  changeNone: string;
  gained: (n: string) => string;
  lost: (n: string) => string;
  densityChange: (before: string, now: string) => string;
  ratingChange: (what: "trust" | "value", before: string, now: string) => string;
  table: {
    caption: string;
    organisation: string;
    type: string;
    partnerships: string;
    respondents: string;
    trust: string;
    value: string;
    tooFew: string;
  };
  matrix: { caption: string; intro: string; none: string };
  and: string;
  organisations: (n: number, text: string) => string;
  guideTitle: string;
  guideReasons: string;
  /** The facilitator's page: the heading over the map, and over the questions. */
  pageMap: string;
  promptsTitle: string;
  prompts: {
    isolates: (names: string) => string;
    brokers: (names: string) => string;
    gaps: string;
    introductions: string;
    always: string;
  };
}

const en: MapMessages = {
  title: "Connections",
  intro:
    "Which member organisations work together and how closely, as their members reported it. Never shown: who answered, or " +
    "ratings of an organisation from fewer people than the anonymity threshold.",
  mapTitle: (network) => `Network map of ${network}: organisations as circles, working relationships as lines`,
  suppressed: (records, min) =>
    `Too few members named their organisation (${records}; at least ${min} are needed) to draw a map without risk to anyone's anonymity.`,
  levels: { 1: "are aware of each other", 2: "cooperate", 3: "coordinate", 4: "integrate" },
  lineKey:
    "A line is a working relationship: thin for cooperate (share information), thicker for coordinate (plan or align work), " +
    "thickest for integrate (joint services, shared staff or budgets). Bigger circles have more partnerships.",
  strongOnly: (limit) =>
    `With more than ${limit} organisations the map draws only coordinate and integrate ties; the table after it shows every tie.`,
  facts: "The network in figures",
  density: (inTen, ties, possible) => `${inTen} in 10 possible partnerships are active (${ties} of ${possible}).`,
  densityFew: (ties, possible) => `Fewer than 1 in 10 possible partnerships are active (${ties} of ${possible}).`,
  centralization: (value) => `Centralization ${value} (0: partnerships spread evenly; 1: everything runs through one organisation).`,
  reciprocity: (percent) => `Where both organisations answered, both sides name ${percent} of their partnerships.`,
  reciprocityNone: "No partnership joins two organisations that both answered, so we cannot say whether both sides see it.",
  components: (n, text) => (n === 1 ? "Every organisation is part of one network." : `The network falls into ${text} separate parts.`),
  trust: (mean, organisations) =>
    `Trust ("they do what they say they will"): ${mean} out of 4 on average, over ${organisations} with enough ratings.`,
  value: (mean, organisations) =>
    `Value ("working with them helps the network's purpose"): ${mean} out of 4 on average, over ${organisations} with enough ratings.`,
  trustHidden: "Trust: too few ratings of any one organisation to show.",
  valueHidden: "Value: too few ratings of any one organisation to show.",
  brokers: "Brokers",
  brokersIntro: "Organisations many connections run through: they link parts of the network that would otherwise be apart.",
  brokersNone: "No organisation stands between the others: there are no brokers.",
  isolates: "Isolates",
  isolatesIntro: "Organisations without an active tie yet.",
  isolatesNone: "Every organisation has at least one active tie.",
  gaps: "Perception gaps",
  gapsIntro: "Partners who describe their work together differently: a prompt for the meeting, not a verdict.",
  gapsNone: "No two partners describe their work together very differently.",
  gap: (a, aSays, b, bSays) => `${a} says they ${aSays}; ${b} says they ${bSays}.`,
  gapsMore: (n) => `… and ${n} more pairs with a smaller or equal difference.`,
  introductions: "Introductions to make",
  introductionsIntro: "Organisations that share partners but do not work together yet.",
  introductionsNone: "There are no obvious introductions to make.",
  introduction: (a, b, via) => `${a} and ${b}: both work with ${via}.`,
  change: "Change since last time",
  changeSince: (round) => `Since "${round}"`,
  changeNone: "This is the network's first map: change is shown from the next one.",
  gained: (n) => `New partnerships (${n})`,
  lost: (n) => `Partnerships no longer reported (${n})`,
  densityChange: (before, now) => `Active partnerships: ${before} of possible ones then, ${now} now.`,
  ratingChange: (what, before, now) => `${what === "trust" ? "Trust" : "Value"}: ${before} then, ${now} now (out of 4).`,
  table: {
    caption: "Organisations",
    organisation: "Organisation",
    type: "Type",
    partnerships: "Partnerships",
    respondents: "Members who named it",
    trust: "Trust (out of 4)",
    value: "Value (out of 4)",
    tooFew: "too few ratings",
  },
  matrix: {
    caption: "Every tie",
    intro:
      "Rows and columns are the organisations in the same order; a figure is the level of their tie (2 cooperate, 3 coordinate, 4 integrate).",
    none: "–",
  },
  and: "and",
  organisations: (n, text) => `${text} ${n === 1 ? "organisation" : "organisations"}`,
  guideTitle: "Connections",
  guideReasons: "From the network map.",
  pageMap: "The network map",
  promptsTitle: "Questions for the meeting",
  prompts: {
    isolates: (names) => `What would help ${names} take part? Who could reach out before the next meeting?`,
    brokers: (names) => `Many connections run through ${names}. How do we share that load, and what happens if they step back?`,
    gaps: "Where do partners see their work together differently, and what lies behind that?",
    introductions: "Which of the introductions to make shall we take up, and who makes each one?",
    always: "Which partnership made the biggest difference this year, and what made it work?",
  },
};

const nl: MapMessages = {
  title: "Verbindingen",
  intro:
    "Welke organisaties in het netwerk samenwerken en hoe nauw, zoals hun medewerkers het opgaven. Nooit getoond: wie antwoordde, " +
    "of beoordelingen van een organisatie door minder mensen dan de anonimiteitsdrempel.",
  mapTitle: (network) => `Netwerkkaart van ${network}: organisaties als cirkels, samenwerkingsrelaties als lijnen`,
  suppressed: (records, min) =>
    `Te weinig leden noemden hun organisatie (${records}; er zijn er minstens ${min} nodig) om een kaart te tekenen zonder iemands anonimiteit in gevaar te brengen.`,
  levels: { 1: "weten van elkaar", 2: "delen informatie", 3: "stemmen hun werk af", 4: "werken geïntegreerd" },
  lineKey:
    "Een lijn is een samenwerkingsrelatie: dun voor informatie delen, dikker voor werk afstemmen, het dikst voor geïntegreerd " +
    "werken (gezamenlijke diensten, gedeeld personeel of budget). Grotere cirkels hebben meer samenwerkingsrelaties.",
  strongOnly: (limit) =>
    `Bij meer dan ${limit} organisaties tekent de kaart alleen afstemmen en geïntegreerd werken; de tabel erna toont elke relatie.`,
  facts: "Het netwerk in cijfers",
  density: (inTen, ties, possible) => `${inTen} op de 10 mogelijke samenwerkingsrelaties zijn actief (${ties} van ${possible}).`,
  densityFew: (ties, possible) => `Minder dan 1 op de 10 mogelijke samenwerkingsrelaties is actief (${ties} van ${possible}).`,
  centralization: (value) => `Centralisatie ${value} (0: samenwerking gelijk verdeeld; 1: alles loopt via één organisatie).`,
  reciprocity: (percent) => `Waar beide organisaties antwoordden, noemen beide kanten ${percent} van hun samenwerkingsrelaties.`,
  reciprocityNone:
    "Geen samenwerkingsrelatie verbindt twee organisaties die allebei antwoordden; of beide kanten haar zien, weten we dus niet.",
  components: (n, text) => (n === 1 ? "Alle organisaties horen bij één netwerk." : `Het netwerk valt uiteen in ${text} losse delen.`),
  trust: (mean, organisations) =>
    `Vertrouwen ("ze doen wat ze zeggen"): gemiddeld ${mean} van 4, over ${organisations} met genoeg beoordelingen.`,
  value: (mean, organisations) =>
    `Waarde ("samenwerken met hen helpt het doel van het netwerk"): gemiddeld ${mean} van 4, over ${organisations} met genoeg beoordelingen.`,
  trustHidden: "Vertrouwen: te weinig beoordelingen van elke organisatie om te tonen.",
  valueHidden: "Waarde: te weinig beoordelingen van elke organisatie om te tonen.",
  brokers: "Verbinders",
  brokersIntro: "Organisaties waar veel verbindingen via lopen: ze verbinden delen van het netwerk die anders los zouden staan.",
  brokersNone: "Geen organisatie staat tussen de andere in: er zijn geen verbinders.",
  isolates: "Geïsoleerd",
  isolatesIntro: "Organisaties zonder actieve samenwerkingsrelatie.",
  isolatesNone: "Elke organisatie heeft minstens één actieve samenwerkingsrelatie.",
  gaps: "Verschillen in beleving",
  gapsIntro: "Partners die hun samenwerking verschillend beschrijven: een vraag voor het overleg, geen oordeel.",
  gapsNone: "Geen twee partners beschrijven hun samenwerking sterk verschillend.",
  gap: (a, aSays, b, bSays) => `${a} zegt dat ze ${aSays}; ${b} zegt dat ze ${bSays}.`,
  gapsMore: (n) => `… en nog ${n} paren met een kleiner of even groot verschil.`,
  introductions: "Kennismakingen om te regelen",
  introductionsIntro: "Organisaties die partners delen maar nog niet samenwerken.",
  introductionsNone: "Er zijn geen voor de hand liggende kennismakingen.",
  introduction: (a, b, via) => `${a} en ${b}: werken allebei met ${via}.`,
  change: "Verandering sinds de vorige keer",
  changeSince: (round) => `Sinds "${round}"`,
  changeNone: "Dit is de eerste netwerkkaart: verandering volgt vanaf de volgende.",
  gained: (n) => `Nieuwe samenwerkingsrelaties (${n})`,
  lost: (n) => `Niet meer genoemde samenwerkingsrelaties (${n})`,
  densityChange: (before, now) => `Actieve samenwerkingsrelaties: toen ${before} van de mogelijke, nu ${now}.`,
  ratingChange: (what, before, now) => `${what === "trust" ? "Vertrouwen" : "Waarde"}: toen ${before}, nu ${now} (van 4).`,
  table: {
    caption: "Organisaties",
    organisation: "Organisatie",
    type: "Soort",
    partnerships: "Samenwerkingsrelaties",
    respondents: "Leden die haar noemden",
    trust: "Vertrouwen (van 4)",
    value: "Waarde (van 4)",
    tooFew: "te weinig beoordelingen",
  },
  matrix: {
    caption: "Elke samenwerkingsrelatie",
    intro:
      "Rijen en kolommen zijn de organisaties in dezelfde volgorde; een cijfer is het niveau van hun relatie (2 informatie delen, 3 afstemmen, 4 geïntegreerd).",
    none: "–",
  },
  and: "en",
  organisations: (n, text) => `${text} ${n === 1 ? "organisatie" : "organisaties"}`,
  guideTitle: "Verbindingen",
  guideReasons: "Uit de netwerkkaart.",
  pageMap: "De netwerkkaart",
  promptsTitle: "Vragen voor het overleg",
  prompts: {
    isolates: (names) => `Wat zou ${names} helpen mee te doen? Wie neemt vóór het volgende overleg contact op?`,
    brokers: (names) => `Veel verbindingen lopen via ${names}. Hoe verdelen we die last, en wat gebeurt er als zij een stap terug doen?`,
    gaps: "Waar zien partners hun samenwerking verschillend, en wat zit daarachter?",
    introductions: "Welke kennismakingen pakken we op, en wie regelt elke kennismaking?",
    always: "Welke samenwerking maakte dit jaar het meeste verschil, en waardoor werkte die?",
  },
};

const MESSAGES: Record<Lang, MapMessages> = { en, nl };

/** The network map's texts in `lang`. */
export const mapMessages = (lang: Lang): MapMessages => MESSAGES[lang];
