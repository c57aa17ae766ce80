// The members' mirror's own words in English and Dutch. Words it shares with the mirror report
// (change, actions, "not enough responses") come from the report's messages, so both say the same.
import type { Lang } from "../instrument";

export interface MirrorText {
  title: string;
  skipLink: string;
  languageNav: string;
  footer: string;
  intro: (network: string) => string;
  facts: { network: string; round: string; period: string; responses: string; responseRate: string; openAccess: string };
  period: (from: string, to: string) => string;
  temperature: string;
  outOf100: string;
  themes: string;
  theme: string;
  score: string;
  change: string;
  comments: string;
  commentsIntro: string;
  noComments: string;
  actionsIntro: string;
  noActions: string;
  notFound: { title: string; body: string };
}

const en: MirrorText = {
  title: "Members' mirror",
  skipLink: "Skip to content",
  languageNav: "Language",
  footer: "netmirror: a mirror for the network, by the network. Answers are anonymous; groups smaller than the threshold are never shown.",
  intro: (network) =>
    `What members of ${network} told us in our temperature check, and what we agreed to do about it. This page is for the network's members: please share it only within the network.`,
  facts: {
    network: "Network",
    round: "Temperature check",
    period: "Open",
    responses: "Responses",
    responseRate: "Response rate",
    openAccess: "open link: no response rate",
  },
  period: (from, to) => `${from} to ${to}`,
  temperature: "Temperature",
  outOf100: "out of 100",
  themes: "Themes",
  theme: "Theme",
  score: "Score (0–100)",
  change: "Change",
  comments: "In members' own words",
  commentsIntro: "Comments the facilitator released, word for word. Comments that could identify someone are not shown.",
  noComments: "No comments were released.",
  actionsIntro: "What the network agreed to do, and where it stands.",
  noActions: "No actions have been recorded yet.",
  notFound: { title: "This page does not exist", body: "The link is wrong, or the mirror is no longer published." },
};

const nl: MirrorText = {
  title: "Spiegel voor de leden",
  skipLink: "Naar de inhoud",
  languageNav: "Taal",
  footer:
    "netmirror: een spiegel voor het netwerk, door het netwerk. Antwoorden zijn anoniem; groepen kleiner dan de drempel worden nooit getoond.",
  intro: (network) =>
    `Wat leden van ${network} ons vertelden in onze temperatuurmeting, en wat we afspraken om eraan te doen. Deze pagina is voor de leden van het netwerk: deel haar alleen binnen het netwerk.`,
  facts: {
    network: "Netwerk",
    round: "Temperatuurmeting",
    period: "Open",
    responses: "Reacties",
    responseRate: "Respons",
    openAccess: "open link: geen responspercentage",
  },
  period: (from, to) => `${from} tot ${to}`,
  temperature: "Temperatuur",
  outOf100: "van de 100",
  themes: "Thema's",
  theme: "Thema",
  score: "Score (0–100)",
  change: "Verandering",
  comments: "In de woorden van leden",
  commentsIntro: "Opmerkingen die de begeleider vrijgaf, letterlijk. Opmerkingen die iemand herkenbaar kunnen maken, worden niet getoond.",
  noComments: "Er zijn geen opmerkingen vrijgegeven.",
  actionsIntro: "Wat het netwerk afsprak te doen, en hoe het ervoor staat.",
  noActions: "Er zijn nog geen acties vastgelegd.",
  notFound: { title: "Deze pagina bestaat niet", body: "De link klopt niet, of de spiegel is niet meer gepubliceerd." },
};

const TEXT: Record<Lang, MirrorText> = { en, nl };

/** The mirror's texts in one language. */
export function mirrorText(lang: Lang): MirrorText {
  return TEXT[lang];
}
