// The open-link poster's words, English and Dutch.

import type { Lang } from "../instrument";

/** The poster speaks the round's language: it is for members, not for the facilitator. */
export interface PosterText {
  heading: (network: string) => string;
  body: (minutes: number) => string;
  scan: string;
  type: string;
  until: (d: string) => string;
  qrAlt: string;
}

export const POSTER_TEXT: Record<Lang, PosterText> = {
  en: {
    heading: (network) => `How is ${network} doing?`,
    body: (minutes) =>
      `Take our temperature check: about ${minutes} minutes, on your phone or computer. Your answers are anonymous: results are only shown for a group, never for one person.`,
    scan: "Scan the code with your phone's camera",
    type: "or type this address:",
    until: (d) => `Open until ${d}.`,
    qrAlt: "QR code that opens the survey",
  },
  nl: {
    heading: (network) => `Hoe gaat het met ${network}?`,
    body: (minutes) =>
      `Doe mee met onze temperatuurmeting: ongeveer ${minutes} minuten, op je telefoon of computer. Je antwoorden zijn anoniem: uitkomsten worden alleen voor een groep getoond, nooit voor één persoon.`,
    scan: "Scan de code met de camera van je telefoon",
    type: "of typ dit adres:",
    until: (d) => `Open tot ${d}.`,
    qrAlt: "QR-code die de vragenlijst opent",
  },
};
