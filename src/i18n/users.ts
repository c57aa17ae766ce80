// The words for user accounts, English and Dutch: roles in plain words, as people say them
// (DOMAIN.md), never the stored code.

import type { Role } from "../db/schema";
import type { Lang } from "../instrument";

/** Each role's name. */
export const ROLE_LABELS: Record<Lang, Record<Role, string>> = {
  en: { admin: "administrator", facilitator: "facilitator", commissioner: "commissioner" },
  nl: { admin: "beheerder", facilitator: "begeleider", commissioner: "opdrachtgever" },
};

/** What each role may do, for the "add a user" form. */
export const ROLE_HINTS: Record<Lang, Record<Role, string>> = {
  en: { admin: "runs the service", facilitator: "runs networks and rounds", commissioner: "sees aggregate results of granted networks" },
  nl: {
    admin: "beheert de dienst",
    facilitator: "begeleidt netwerken en metingen",
    commissioner: "ziet samengevatte uitkomsten van toegekende netwerken",
  },
};
