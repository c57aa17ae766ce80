// The words of invitations, reminders and the unsubscribe page, in each language a round can have.
import type { Lang } from "../instrument";

export interface EmailMessages {
  locale: string;
  invitationSubject: string;
  reminderSubject: string;
  greeting: string;
  invitationIntro: string;
  reminderIntro: string;
  time: string;
  linkLabel: string;
  button: string;
  personal: string;
  anonymity: string;
  closes: string;
  replyTo: string;
  why: string;
  unsubscribe: string;
  unsubscribeTitle: string;
  unsubscribeBody: string;
  unsubscribeButton: string;
  unsubscribedTitle: string;
  unsubscribedBody: string;
  unknownTitle: string;
  unknownBody: string;
}

/** Fills `{name}` placeholders. The result is plain text: templates escape it. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}

const en: EmailMessages = {
  locale: "en-GB",
  invitationSubject: "{network}: a temperature check of our network",
  reminderSubject: "Reminder: {network}'s temperature check",
  greeting: "Dear {name},",
  invitationIntro: "{sender} invites you to take part in “{round}”, a temperature check of {network}.",
  reminderIntro:
    "{sender} would still like to hear from you in “{round}”, the temperature check of {network}. If you have started, your link takes you back to where you were.",
  time: "It takes about {minutes} minutes.",
  linkLabel: "Your personal link:",
  button: "Answer the questions",
  personal: "The link is yours alone: please do not forward this email.",
  anonymity:
    "Your answers are anonymous: {sender} sees only group results, for groups of at least {n} people, and can see whether your link was used, never which answers are yours.",
  closes: "Please answer by {date}.",
  replyTo: "Questions? Reply to this email to reach {sender}.",
  why: "You get this email because you are on the member list of {network}.",
  unsubscribe: "No more survey email from {network}:",
  unsubscribeTitle: "Stop survey email from {network}",
  unsubscribeBody: "Press the button to receive no more invitations or reminders from {network} at this address.",
  unsubscribeButton: "Stop survey email",
  unsubscribedTitle: "You will get no more survey email from {network}",
  unsubscribedBody: "The facilitator sees that you unsubscribed. To take part after all, ask them for your link.",
  unknownTitle: "This unsubscribe link does not work",
  unknownBody: "The link may be incomplete. Check the email you were sent, or reply to it to ask the facilitator.",
};

const nl: EmailMessages = {
  locale: "nl-NL",
  invitationSubject: "{network}: een temperatuurmeting van ons netwerk",
  reminderSubject: "Herinnering: temperatuurmeting van {network}",
  greeting: "Beste {name},",
  invitationIntro: "{sender} nodigt je uit om mee te doen aan “{round}”, een temperatuurmeting van {network}.",
  reminderIntro:
    "{sender} hoort graag nog van je in “{round}”, de temperatuurmeting van {network}. Ben je al begonnen, dan brengt je link je terug waar je was.",
  time: "Het kost ongeveer {minutes} minuten.",
  linkLabel: "Je persoonlijke link:",
  button: "Beantwoord de vragen",
  personal: "De link is alleen voor jou: stuur deze e-mail niet door.",
  anonymity:
    "Je antwoorden zijn anoniem: {sender} ziet alleen groepsresultaten, voor groepen van minstens {n} mensen, en kan zien of je link gebruikt is, nooit welke antwoorden van jou zijn.",
  closes: "Graag antwoorden vóór {date}.",
  replyTo: "Vragen? Beantwoord deze e-mail om {sender} te bereiken.",
  why: "Je krijgt deze e-mail omdat je op de ledenlijst van {network} staat.",
  unsubscribe: "Geen enquête-e-mail meer van {network}:",
  unsubscribeTitle: "Geen enquête-e-mail meer van {network}",
  unsubscribeBody: "Druk op de knop om op dit adres geen uitnodigingen of herinneringen van {network} meer te krijgen.",
  unsubscribeButton: "Geen enquête-e-mail meer",
  unsubscribedTitle: "Je krijgt geen enquête-e-mail meer van {network}",
  unsubscribedBody: "De begeleider ziet dat je je hebt afgemeld. Wil je toch meedoen, vraag dan om je link.",
  unknownTitle: "Deze afmeldlink werkt niet",
  unknownBody: "De link is misschien onvolledig. Kijk in de e-mail die je kreeg, of beantwoord die om de begeleider te vragen.",
};

export const EMAIL_MESSAGES: Record<Lang, EmailMessages> = { en, nl };
