// The mirror report in Dutch; the English texts and the shape are in messages.ts.

import { pluralOf } from "./plural";
import type { Messages } from "./report";

const plural = pluralOf("nl-NL");

export const nl: Messages = {
  reportTitle: "Spiegelrapport",
  confidential: "Dit rapport bevat letterlijke woorden van leden. Deel het alleen binnen het netwerk.",
  contents: "Inhoud",
  cover: {
    network: "Netwerk",
    round: "Temperatuurmeting",
    stage: "Fase van het netwerk",
    period: "Open",
    responses: "Reacties",
    responseRate: "Respons",
    openAccess: "Open link: geen responspercentage",
    confidence: "Betrouwbaarheid",
    generated: "Rapport gemaakt op",
    responsesOf: (n, invited) => `${n} van ${invited} uitgenodigd`,
    openLinks: "Via een open link",
    openLinksOf: (n) => `${n} (iedereen met een open link kan antwoorden, ook wie de link maakte)`,
  },
  stage: { forming: "Opbouw (start)", developing: "In ontwikkeling", established: "Gevestigd", renewing: "Vernieuwing" },
  confidenceLabel: { high: "Hoog", moderate: "Redelijk", low: "Laag" },
  suppressed: (n, min) => `Te weinig reacties om resultaten te tonen (${n} van ${min}).`,
  suppressedHint:
    "Om de anonimiteit van de leden te beschermen, toont een temperatuurmeting met minder reacties dan de drempel geen scores en geen opmerkingen.",
  summary: {
    title: "Samenvatting",
    temperature: "Temperatuur",
    outOf100: "van de 100",
    thermometer: (value) => `Thermometer met een temperatuur van ${value} van de 100.`,
    rating: (value, n) =>
      `Gemiddeld antwoord op "Hoe gezond is dit netwerk op dit moment?": ${value} van de 10 (${n.text} ${plural(n.n, { one: "antwoord", other: "antwoorden" })}).`,
    trend: ({ worse, same, better, fresh }) =>
      `Vergeleken met een jaar geleden: ${better.text} ${plural(better.n, { one: "vindt", other: "vinden" })} het beter, ${same.text} ongeveer hetzelfde, ${worse.text} slechter; ${fresh.text} ${plural(fresh.n, { one: "is", other: "zijn" })} korter dan een jaar lid.`,
    ratingHidden: (n) =>
      `Gemiddeld antwoord op "Hoe gezond is dit netwerk op dit moment?": te weinig antwoorden (${n.text} ${plural(n.n, { one: "antwoord", other: "antwoorden" })}).`,
    trendHidden: (n) =>
      `Vergeleken met een jaar geleden: te weinig antwoorden (${n.text} ${plural(n.n, { one: "antwoord", other: "antwoorden" })}).`,
    themeScores: "Scores per thema",
    themeChart: (list) => `Staafdiagram van de scores per thema, van de 100: ${list}.`,
    theme: "Thema",
    score: "Score",
    change: "Verandering",
    respondents: "Deelnemers",
    strongest: "Sterkste thema's",
    weakest: "Zwakste thema's",
    divided: "Waar de leden het meest verdeeld zijn",
    dividedNone: "Geen stelling had genoeg antwoorden om te meten hoe verdeeld de leden zijn.",
    spread: "spreiding (sd, schaal 1–5)",
  },
  glance: {
    title: "In één oogopslag",
    themes: "Thema's",
    comments: "Opmerkingen",
    changeNote: (round) =>
      `▲ ▼ verandering sinds "${round}", vet als die waarschijnlijk geen toeval is. Opmerkingen: de vrijgegeven opmerkingen per thema.`,
    strongest: "Sterkste stellingen",
    weakest: "Zwakste stellingen",
    outOf100: "van de 100",
    openActions: "Openstaande acties",
    openActionsNone: "Er staan geen acties open.",
    moreActions: (n) => `En nog ${n.text} openstaande ${plural(n.n, { one: "actie", other: "acties" })}: zie Acties.`,
  },
  change: {
    since: (round) => `Verandering sinds "${round}"`,
    none: "Er is geen eerdere temperatuurmeting om mee te vergelijken.",
    notable: "waarschijnlijk geen toeval",
    notClear: "niet duidelijk meer dan toeval",
    withP: (p) => `p = ${p}`,
    pBelow: (p) => `p < ${p}`,
  },
  theme: {
    scoreLine: (n, sd) => `van de 100 · ${n} deelnemers · spreiding (sd, schaal 0–100) ${sd}`,
    statement: "Stelling",
    disagree: "Oneens",
    neutral: "Neutraal",
    agree: "Eens",
    dontKnow: "Weet niet",
    answers: "Antwoorden",
    mean: "Gemiddelde (1–5)",
    tooFew: "te weinig antwoorden",
    chart: (title, list) => `Staafdiagram van de instemming met elke stelling over ${title}: ${list}.`,
    itemAlt: (text, disagree, neutral, agree) => `"${text}" ${disagree} oneens, ${neutral} neutraal, ${agree} eens`,
    itemHiddenAlt: (text) => `"${text}" te weinig antwoorden`,
    legend: (whole) =>
      `Oneens = helemaal oneens of oneens; eens = eens of helemaal eens. Percentages van de geldige antwoorden; hele procenten bij een stelling met minder dan ${whole} antwoorden.`,
    comments: "In de woorden van de leden",
    noComments: "Voor dit thema zijn geen opmerkingen vrijgegeven.",
  },
  trend: {
    title: "Thema's door de tijd",
    intro: "De score van elk thema in elke afgesloten temperatuurmeting van dit netwerk.",
    onlyOne: "Dit is de eerste temperatuurmeting van het netwerk met resultaten: de ontwikkeling begint bij de volgende.",
    notEnough: "te weinig reacties",
    temperature: "Temperatuur",
    chart: "Lijndiagram van de score van elk thema per temperatuurmeting; de cijfers staan in de tabel hieronder.",
  },
  breakdowns: {
    title: "Resultaten per groep",
    intro: (min) =>
      `Scores van groepen deelnemers, per thema. Groepen kleiner dan ${min}, ook wie de vraag niet beantwoordde, zijn samengevoegd tot "overige groepen"; een score staat er alleen als ten minste ${min} mensen van de groep dat thema beantwoordden, zodat niemand herkenbaar is.`,
    none: (min) => `Er kan geen uitsplitsing worden getoond: die zou een groep kleiner dan ${min} zichtbaar maken.`,
    by: {
      organisationType: "Naar type organisatie",
      professionalGroup: "Naar beroepsgroep",
      involvement: "Naar betrokkenheid bij het netwerk",
    },
    group: "Groep",
    legend: "Hoe donkerder de kleur, hoe hoger de score. Elk vak geeft zijn score; de kleur herhaalt die alleen.",
    bands: ["onder 20", "20 tot 39", "40 tot 59", "60 tot 79", "80 en hoger"],
  },
  guide: {
    title: "Gespreksleidraad",
    intro: (stage) =>
      `Vragen voor het overleg over de zwakste thema's en waar de leden het meest verdeeld zijn, in de volgorde die past bij een netwerk in de fase "${stage}".`,
    weakest: (score) => `Een van de twee zwakste thema's (${score}).`,
    divided: (text, sd) => `De leden zijn verdeeld over "${text}" (spreiding: sd ${sd} op de schaal van 1–5).`,
    none: "Er zijn geen themascores om een gespreksleidraad op te baseren.",
  },
  actions: {
    title: "Acties",
    previous: "Eerder afgesproken: nog open, of afgerond sinds de vorige temperatuurmeting",
    previousNone: "Geen eerder afgesproken actie staat nog open of is sinds de vorige temperatuurmeting afgerond.",
    current: "Afgesproken naar aanleiding van deze temperatuurmeting",
    currentNone: "Nog geen acties vastgelegd. Leg ze vast na het overleg; het volgende rapport volgt ze op.",
    action: "Actie",
    owner: "Wie",
    due: "Uiterlijk",
    status: "Stand",
    note: "Toelichting",
    statusLabel: { open: "Open", in_progress: "Bezig", done: "Klaar", dropped: "Vervallen" },
  },
  howToRead: {
    title: "Zo lees je dit rapport",
    scoringTitle: "Scores",
    scoring: [
      'Leden gaven bij elke stelling een antwoord van 1 (helemaal oneens) tot 5 (helemaal eens). "Weet ik niet" en overgeslagen stellingen tellen niet mee.',
      "Een score loopt van 0 tot 100: 0 als iedereen het helemaal oneens is, 50 voor niet eens, niet oneens, 100 als iedereen het helemaal eens is.",
      "Een themascore is het gemiddelde van de eigen scores van de deelnemers op dat thema. De temperatuur is het gemiddelde van de totaalscore van elke deelnemer over de thema's die hij of zij beantwoordde.",
      "De temperatuur kan daardoor iets afwijken van het gemiddelde van de vijf themascores als sommige deelnemers een heel thema oversloegen.",
      'Spreiding (sd, de standaardafwijking) laat zien hoe ver de meningen uiteenlopen: hoe groter, hoe verdeelder de leden. Bij een thema staat ze op de schaal 0–100 van de scores, bij een stelling op de schaal 1–5 van de antwoorden. "Oneens" telt helemaal oneens en oneens samen, "eens" telt eens en helemaal eens samen, als percentage van de geldige antwoorden.',
    ],
    anonymityTitle: "Anonimiteit",
    anonymity: (min) => [
      `Resultaten worden alleen getoond als ten minste ${min} leden reageerden, en pas nadat de temperatuurmeting is afgesloten.`,
      `Bij een stelling met minder dan ${min} geldige antwoorden staat "te weinig antwoorden"; die antwoorden tellen wel mee in de themascore.`,
      `Bij een themascore, de temperatuur, het rapportcijfer (0–10) en de vergelijking met een jaar geleden staat "te weinig antwoorden" als er minder dan ${min} mensen achter staan; de verandering wordt dan ook niet getoond.`,
      `Bij de resultaten per groep zijn mensen die de vraag niet beantwoordden ook een groep. Groepen kleiner dan ${min} zijn samengevoegd tot "overige groepen", en worden er groepen aan toegevoegd tot ook die ten minste ${min} telt; blijft er dan maar één groep over, dan wordt geen uitsplitsing getoond.`,
      `Elke score bij de resultaten per groep vraagt ten minste ${min} mensen van die groep die het thema beantwoordden, en de weggelaten scores van een thema samen ook ten minste ${min} (anders worden er meer weggelaten), zodat geen score door aftrekken te achterhalen is.`,
    ],
    comments: (withheld) =>
      `Opmerkingen staan er letterlijk in, en alleen nadat de begeleider ze heeft vrijgegeven; ${withheld.text} ${plural(withheld.n, { one: "opmerking is", other: "opmerkingen zijn" })} niet getoond (niet vrijgegeven, of verborgen omdat ze iemand herkenbaar konden maken).`,
    commentsSuppressed: "Bij een temperatuurmeting met te weinig reacties worden nooit opmerkingen getoond.",
    changeTitle: "Verandering",
    change: [
      "Verandering vergelijkt elke score met de meest recente eerdere temperatuurmeting van dit netwerk met genoeg reacties.",
      'Een verandering heet "waarschijnlijk geen toeval" als een statistische toets (de t-toets van Welch) p kleiner dan 0,05 geeft; anders is ze "niet duidelijk meer dan toeval".',
      "Bij vijf thema's kan er door toeval alleen al één opvallend lijken te veranderen: lees veranderingen samen met de opmerkingen en je eigen ervaring.",
    ],
    confidenceTitle: "Betrouwbaarheid",
    confidence: (r) => [
      "Betrouwbaarheid zegt in hoeverre de cijfers voor het hele netwerk spreken. Daarvoor zijn genoeg mensen nodig én een goede respons: een hoge respons onder een handvol mensen blijft een handvol mensen.",
      `Met persoonlijke links is de betrouwbaarheid hoog als ten minste ${r.highRate} van de uitgenodigden reageerde en ten minste ${r.highN} mensen; redelijk vanaf ${r.moderateRate} en ${r.moderateN} mensen; anders laag.`,
      `Een open link heeft geen responspercentage: de betrouwbaarheid is hoog vanaf ${r.openHighN} reacties, redelijk vanaf ${r.openModerateN}, anders laag.`,
    ],
  },
  page: { page: "Pagina", of: "van" },
  preview: { download: "PDF downloaden", back: "Terug", otherLanguage: "English" },
};
