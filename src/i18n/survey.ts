import type { Lang } from "../instrument";
import { defaultTimeZone } from "../lib/time-zone";
import { zonedDateTime } from "../lib/zoned-time";
import { MODULE_MESSAGES_EN, MODULE_MESSAGES_NL } from "./survey-modules";

/**
 * Every string the survey pages show around the instrument's own texts, in English. Placeholders
 * in braces ({n}) are filled by `fill`. The instrument supplies the themes, statements and options.
 */
const en = {
  surveyName: "Network temperature check",
  skipLink: "Skip to content",
  languageNav: "Language",
  footer: "Your answers are anonymous: nothing links them to you.",
  errorTitle: "There is a problem",
  errorPrefix: "Error: {page}",
  optional: "(optional)",
  pageTitle: "{page} — {survey}",

  welcomeIntro: "This is a temperature check of your network. It asks how the network is doing on five themes: {themes}.",
  welcomeConnections: "After the themes, you say which organisations your organisation works with, and how.",
  welcomeMaturity: "After the themes, you say where the network stands now and where it should be in a year.",
  welcomeBoth:
    "After the themes, you say which organisations your organisation works with, and how. Then you say where the network stands now and where it should be in a year.",
  welcomeTime: "It takes about {minutes} minutes. You can skip any statement you would rather not answer.",
  whoSeesHeading: "Who sees what",
  whoSeesResults: "The facilitator of the network sees only group results, and only for groups of at least {n} people.",
  whoSeesComments: "Comments are read by the facilitator before anything is shared, and are shown without names.",
  promiseHeading: "Your answers are anonymous",
  promise: "Nothing links your answers to you: no name, email address or time of answering is stored with them.",
  personalLink: "Your link is personal. Please do not forward it: anyone with the link can answer in your place.",
  linkSeen:
    "The facilitator can see whether your link has been used (not yet, started or submitted), and so roughly when, but never which answers are yours. No time of answering is stored, not even the day.",
  comeBack: "You can stop at any time with “Save and finish later” and carry on later with the same link.",
  sharedLink: "This link is shared: everyone who opens it starts an empty survey of their own.",
  sharedSeen:
    "The facilitator sees only how many people saved or sent answers through this link, never who they are or which answers are whose. No time of answering is stored, not even the day.",
  comeBackShared:
    "You can stop at any time with “Save and finish later”: you then get a link of your own to carry on with. This shared link always starts afresh.",
  answeredBefore: "You have already answered — answer again only if someone else is using this device.",
  closesOn: "This temperature check closes on {date}.",
  start: "Start",
  continue: "Continue where you left off",

  stepProgress: "Step {n} of {total}",
  stepTitle: "Step {n} of {total}: {page}",
  statementsHint: "Choose the answer that fits best. You can skip a statement.",
  commentHint: "Up to 2,000 characters. The facilitator reads comments before they are shared, so please leave out names.",
  next: "Next",
  back: "Back",
  saveLater: "Save and finish later",
  errorChoice: "Choose one of the answers for “{label}”",
  errorComment: "Your comment is longer than 2,000 characters",

  aboutTitle: "About you and the network",
  aboutIntro: "These questions are optional. The answers about you are only used for group results of at least {n} people.",
  preferNotToSay: "Prefer not to say",
  backgroundHint: "Skip this if only a few people like you take part.",

  reviewTitle: "Check your answers",
  reviewIntro: "You can change any answer before you submit. After that your answers cannot be changed or seen again, not even by you.",
  skipped: "Skipped",
  change: "Change",
  changeHidden: "your answers about {theme}",
  changeAboutHidden: "your answers about you and the network",
  yourComment: "Your comment",
  submit: "Submit my answers",
  errorNothing: "Answer at least one statement",

  savedTitle: "Your answers are saved",
  savedUntil: "Use the same link to carry on; it works until {date}.",
  savedOpen: "Use the same link to carry on; it works as long as the temperature check is open.",
  closePage: "You can close this page now.",
  carryOn: "Carry on now",
  ownLinkIntro: "Your answers are saved under a link of your own. Keep it: bookmark it or copy it somewhere safe.",
  ownLinkLabel: "Your own link (select it to copy it)",
  ownLinkUntil: "It works until {date}.",
  ownLinkOpen: "It works as long as the temperature check is open.",
  sharedStartsAfresh:
    "The shared link you started from (on the poster, slide or message) always starts a new, empty survey: it cannot bring these answers back.",

  thanksTitle: "Thank you for your answers",
  thanksBody: "Your answers have been stored, without your name.",
  nextHeading: "What happens next",
  nextBody:
    "After the temperature check closes, the facilitator shares the group results with the network, usually at a network meeting, so that you can decide together what to do.",

  notFoundTitle: "This link does not work",
  notFoundBody:
    "The link may be incomplete, or it has been replaced by a newer one. Check the message you were sent, or ask the network's facilitator for a new link.",
  goneTitle: "This temperature check has closed",
  goneBody: "Answers can no longer be given. The facilitator will share the results with the network.",
  mirrorLink: "See the results shared with the network",
  submittedTitle: "You have already answered. Thank you.",
  submittedBody: "Your answers are stored. To keep them anonymous, they cannot be changed or seen again.",
  notReadyTitle: "This temperature check has not opened yet",
  notReadyBody: "Please try again later with the same link.",
  noPageTitle: "This page does not exist",
  busyTitle: "Please wait a moment",
  busyBody: "Many people opened this link from your network just now. Please try again in {n} minutes.",
  previewBanner: "Preview — answers are not saved",
  toStart: "Go to the start of the temperature check",
  ...MODULE_MESSAGES_EN,
};

export type Messages = { readonly [K in keyof typeof en]: string };

/** The same strings in Dutch ("je" form). The type makes a missing translation a compile error. */
const nl: Messages = {
  surveyName: "Temperatuurmeting van het netwerk",
  skipLink: "Naar de inhoud",
  languageNav: "Taal",
  footer: "Je antwoorden zijn anoniem: niets koppelt ze aan jou.",
  errorTitle: "Er is een probleem",
  errorPrefix: "Fout: {page}",
  optional: "(niet verplicht)",
  pageTitle: "{page} — {survey}",

  welcomeIntro: "Dit is een temperatuurmeting van je netwerk. Je geeft aan hoe het netwerk ervoor staat op vijf thema's: {themes}.",
  welcomeConnections: "Na de thema's geef je aan met welke organisaties jouw organisatie samenwerkt, en hoe.",
  welcomeMaturity: "Na de thema's geef je aan waar het netwerk nu staat en waar het over een jaar zou moeten staan.",
  welcomeBoth:
    "Na de thema's geef je aan met welke organisaties jouw organisatie samenwerkt, en hoe. Daarna geef je aan waar het netwerk nu staat en waar het over een jaar zou moeten staan.",
  welcomeTime: "Het kost ongeveer {minutes} minuten. Je kunt elke stelling overslaan die je liever niet beantwoordt.",
  whoSeesHeading: "Wie ziet wat",
  whoSeesResults: "De begeleider van het netwerk ziet alleen groepsresultaten, en alleen van groepen van minstens {n} mensen.",
  whoSeesComments: "Opmerkingen worden door de begeleider gelezen voordat er iets wordt gedeeld, en worden zonder namen getoond.",
  promiseHeading: "Je antwoorden zijn anoniem",
  promise: "Niets koppelt je antwoorden aan jou: er wordt geen naam, e-mailadres of tijdstip van invullen bij bewaard.",
  personalLink: "Je link is persoonlijk. Stuur hem niet door: iedereen met de link kan in jouw plaats antwoorden.",
  linkSeen:
    "De begeleider kan zien of je link is gebruikt (nog niet, begonnen of verstuurd), en dus ongeveer wanneer, maar nooit welke antwoorden van jou zijn. Er wordt geen tijdstip van invullen bewaard, ook de dag niet.",
  comeBack: "Je kunt altijd stoppen met ‘Opslaan en later verder’ en later verdergaan met dezelfde link.",
  sharedLink: "Deze link wordt gedeeld: iedereen die hem opent, begint aan een eigen, lege vragenlijst.",
  sharedSeen:
    "De begeleider ziet alleen hoeveel mensen via deze link antwoorden hebben opgeslagen of verstuurd, nooit wie dat zijn of welke antwoorden van wie zijn. Er wordt geen tijdstip van invullen bewaard, ook de dag niet.",
  comeBackShared:
    "Je kunt altijd stoppen met ‘Opslaan en later verder’: je krijgt dan een eigen link om later verder te gaan. Deze gedeelde link begint altijd opnieuw.",
  answeredBefore: "Je hebt al geantwoord — antwoord alleen opnieuw als iemand anders dit apparaat gebruikt.",
  closesOn: "Deze temperatuurmeting sluit op {date}.",
  start: "Beginnen",
  continue: "Verdergaan waar je was gebleven",

  stepProgress: "Stap {n} van {total}",
  stepTitle: "Stap {n} van {total}: {page}",
  statementsHint: "Kies het antwoord dat het best past. Je kunt een stelling overslaan.",
  commentHint: "Maximaal 2000 tekens. De begeleider leest opmerkingen voordat ze worden gedeeld, dus noem liever geen namen.",
  next: "Volgende",
  back: "Vorige",
  saveLater: "Opslaan en later verder",
  errorChoice: "Kies een van de antwoorden bij ‘{label}’",
  errorComment: "Je opmerking is langer dan 2000 tekens",

  aboutTitle: "Over jou en het netwerk",
  aboutIntro:
    "Deze vragen zijn niet verplicht. Je antwoorden over jezelf worden alleen gebruikt voor groepsresultaten van minstens {n} mensen.",
  preferNotToSay: "Zeg ik liever niet",
  backgroundHint: "Sla dit over als maar weinig mensen zoals jij meedoen.",

  reviewTitle: "Controleer je antwoorden",
  reviewIntro: "Je kunt alles nog aanpassen voordat je verstuurt. Daarna kun je je antwoorden niet meer wijzigen of inzien, ook jij niet.",
  skipped: "Overgeslagen",
  change: "Wijzigen",
  changeHidden: "je antwoorden over {theme}",
  changeAboutHidden: "je antwoorden over jezelf en het netwerk",
  yourComment: "Je opmerking",
  submit: "Mijn antwoorden versturen",
  errorNothing: "Beantwoord minstens één stelling",

  savedTitle: "Je antwoorden zijn opgeslagen",
  savedUntil: "Gebruik dezelfde link om verder te gaan; die werkt tot {date}.",
  savedOpen: "Gebruik dezelfde link om verder te gaan; die werkt zolang de temperatuurmeting openstaat.",
  closePage: "Je kunt deze pagina nu sluiten.",
  carryOn: "Nu verdergaan",
  ownLinkIntro:
    "Je antwoorden zijn opgeslagen onder een eigen link. Bewaar die: zet hem bij je favorieten of kopieer hem naar een veilige plek.",
  ownLinkLabel: "Je eigen link (selecteer hem om te kopiëren)",
  ownLinkUntil: "Hij werkt tot {date}.",
  ownLinkOpen: "Hij werkt zolang de temperatuurmeting openstaat.",
  sharedStartsAfresh:
    "De gedeelde link waarmee je begon (op de poster, dia of in het bericht) begint altijd een nieuwe, lege vragenlijst: daarmee krijg je deze antwoorden niet terug.",

  thanksTitle: "Bedankt voor je antwoorden",
  thanksBody: "Je antwoorden zijn opgeslagen, zonder je naam.",
  nextHeading: "Wat gebeurt er nu",
  nextBody:
    "Als de temperatuurmeting gesloten is, deelt de begeleider de groepsresultaten met het netwerk, meestal in een netwerkbijeenkomst, zodat jullie samen kunnen bepalen wat jullie gaan doen.",

  notFoundTitle: "Deze link werkt niet",
  notFoundBody:
    "De link is misschien niet volledig, of hij is vervangen door een nieuwere. Kijk in het bericht dat je hebt gekregen, of vraag de begeleider van het netwerk om een nieuwe link.",
  goneTitle: "Deze temperatuurmeting is gesloten",
  goneBody: "Je kunt geen antwoorden meer geven. De begeleider deelt de resultaten met het netwerk.",
  mirrorLink: "Bekijk de resultaten die met het netwerk zijn gedeeld",
  submittedTitle: "Je hebt al geantwoord. Bedankt!",
  submittedBody: "Je antwoorden zijn opgeslagen. Om ze anoniem te houden, kun je ze niet meer wijzigen of inzien.",
  notReadyTitle: "Deze temperatuurmeting is nog niet geopend",
  notReadyBody: "Probeer het later nog eens met dezelfde link.",
  noPageTitle: "Deze pagina bestaat niet",
  busyTitle: "Een moment geduld",
  busyBody: "Veel mensen in je netwerk openden deze link net. Probeer het over {n} minuten opnieuw.",
  previewBanner: "Voorbeeld — antwoorden worden niet bewaard",
  toStart: "Naar het begin van de temperatuurmeting",
  ...MODULE_MESSAGES_NL,
};

const BY_LANG: Record<Lang, Messages> = { en, nl };

/** The survey's UI strings in one language. */
export function messages(lang: Lang): Messages {
  return BY_LANG[lang];
}

/**
 * Fills `{name}` placeholders; unknown names stay as they are so a mistake shows on the page.
 * @example fill("Theme {n} of {total}", { n: 2, total: 5 }) // "Theme 2 of 5"
 */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A closing date as a respondent reads it, with its time zone so that nobody misreads it. */
export function formatDate(date: Date, lang: Lang, timeZone: string = defaultTimeZone(lang)): string {
  return zonedDateTime(date, timeZone, lang === "nl" ? "nl-NL" : "en-GB");
}
