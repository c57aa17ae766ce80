import { z } from "zod";
import { ACCESS_MODES, type AccessMode, type RoundModule } from "../db/schema";
import { LANGUAGE_LABELS } from "../i18n/languages";
import { LANGUAGES, type Lang } from "../instrument";
import { formatterFor } from "../lib/format";
import { suggestedClosing, zonedLocalToIso, zonedMonthYear, zoneLabel } from "../lib/zoned-time";
import { MIN_ROUND_ORGANISATIONS } from "../organisations/snapshot";
import { ACCESS_LABELS } from "./labels";
import { MIN_RESPONSES_FLOOR } from "./schemas";

/** What the create-round form holds, as typed (strings), so a refused form shows it again. */
export interface RoundFormValues {
  title: string;
  closesAt: string;
  language: string;
  minResponses: string;
  access: string;
  /** "yes" when the box is ticked; a checkbox left unticked is not sent at all. */
  moduleMaturity: string;
  moduleConnections: string;
}

export const ROUND_FORM_LABELS: Record<keyof RoundFormValues, string> = {
  title: "Title",
  closesAt: "Closing date",
  language: "Language",
  minResponses: "Anonymity threshold",
  access: "Access",
  moduleMaturity: "Maturity matrix",
  moduleConnections: "Network map",
};

/**
 * A `datetime-local` value in the network's time zone → an instant; empty means no closing date
 * (closed by hand). Messages read well after the field's label.
 */
export const closingField = (timeZone: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === "") return undefined;
      const iso = zonedLocalToIso(value, timeZone);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: "must be a date and time, like 23/03/2026 17:00" });
        return z.NEVER;
      }
      return new Date(iso);
    });

/** The create-round form of a network in `timeZone`; its output is what `createRound` takes. */
export const createRoundForm = (timeZone: string) =>
  z
    .object({
      title: z.string().trim().min(1, "is required").max(200, "must be 200 characters or fewer"),
      closesAt: closingField(timeZone),
      language: z.enum(LANGUAGES, "must be English or Dutch"),
      minResponses: z
        .string()
        .trim()
        .regex(/^\d+$/, "must be a whole number, like 5")
        .transform(Number)
        .pipe(z.number().min(MIN_RESPONSES_FLOOR, `must be at least ${MIN_RESPONSES_FLOOR}`).max(1000, "must be 1,000 or less")),
      access: z.enum(ACCESS_MODES, "must be personal invitations or an open link"),
      moduleMaturity: z.string(),
      moduleConnections: z.string(),
    })
    .transform(({ moduleMaturity, moduleConnections, ...round }) => {
      const modules: RoundModule[] = [];
      if (moduleConnections === "yes") modules.push("connections");
      if (moduleMaturity === "yes") modules.push("maturity");
      return { ...round, modules };
    });

/** The form's suggestions: this month's temperature check, closing in three weeks at 17:00 in the network's zone. */
export function defaultRoundValues(now: Date, timeZone: string): RoundFormValues {
  return {
    title: `Temperature check — ${zonedMonthYear(now, timeZone)}`,
    closesAt: suggestedClosing(now, timeZone),
    language: "en",
    minResponses: "5",
    access: "invite",
    moduleMaturity: "",
    moduleConnections: "",
  };
}

/** Typed values, falling back to the suggestions for anything missing. */
export function roundValuesFrom(fields: Record<string, string>, now: Date, timeZone: string): RoundFormValues {
  const defaults = defaultRoundValues(now, timeZone);
  const pick = (k: keyof RoundFormValues) => fields[k] ?? defaults[k];
  return {
    title: pick("title"),
    closesAt: pick("closesAt"),
    language: pick("language"),
    minResponses: pick("minResponses"),
    access: pick("access"),
    // Unticked boxes are not posted: missing means no.
    moduleMaturity: fields.moduleMaturity ?? "",
    moduleConnections: fields.moduleConnections ?? "",
  };
}

/**
 * What `partials/network/rounds.hbs` needs to draw the form. The network map is offered only when
 * the network has enough active organisations to draw one; otherwise the form says why.
 */
export function roundFormModel(values: RoundFormValues, timeZone: string, now: Date, activeOrganisations = 0) {
  return {
    values,
    timeZone: zoneLabel(timeZone, now),
    floor: MIN_RESPONSES_FLOOR,
    languages: LANGUAGES.map((l: Lang) => ({ value: l, label: LANGUAGE_LABELS[l], selected: l === values.language })),
    accessModes: ACCESS_MODES.map((a: AccessMode, i) => ({
      value: a,
      label: ACCESS_LABELS[a],
      checked: a === values.access,
      // The first radio carries the id the error summary links to.
      id: i === 0 ? "access" : `access-${a}`,
    })),
    modules: {
      maturity: values.moduleMaturity === "yes",
      connections: values.moduleConnections === "yes",
      connectionsOffered: activeOrganisations >= MIN_ROUND_ORGANISATIONS,
      activeOrganisations: formatterFor("en").count(activeOrganisations),
      minOrganisations: MIN_ROUND_ORGANISATIONS,
    },
  };
}
