// The words of the limit on unknown survey links (src/lib/abuse.ts), English and Dutch.

/** The page a client gets after too many unknown survey links. Fixed texts only: nothing from the request goes into the page. */
export const TOO_MANY_UNKNOWN_LINKS = {
  en: {
    title: "Please wait a few minutes",
    message: "Too many unknown links were opened from your network. Please try your link again in a few minutes.",
  },
  nl: {
    title: "Wacht een paar minuten",
    message: "Vanaf je netwerk zijn te veel onbekende links geopend. Probeer je link over een paar minuten opnieuw.",
  },
} as const;
