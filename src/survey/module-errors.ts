import { fill } from "../i18n/survey";
import type { ErrorDetail } from "../lib/errors";
import { MATURITY_V1 } from "../maturity/matrix-v1";
import { CONNECTION_FIELDS } from "./connections-model";
import { radioId } from "./form";
import { maturityField } from "./maturity-model";
import type { ConnectionsAnswer } from "./module-schemas";
import { errorSummary, type SurveyCtx } from "./survey-model";

/** A module page's errors: the message per field name, and the summary linking to each field's first option. */
export type ModulePageErrors = { byName: Record<string, string | undefined>; summary: ReturnType<typeof errorSummary> };

/**
 * The form field a schema error on a module's answers names ("connections.partners.2.level" is the
 * level radios of the third partner's position), with a message a respondent can act on. Our forms
 * only send valid values, so these come from a tampered form; they still name the field.
 */
function describe(ctx: SurveyCtx, detail: ErrorDetail, values: { connections?: ConnectionsAnswer }) {
  const { t } = ctx;
  const parts = detail.field.split(".");
  if (parts[0] === "maturity") {
    const dimension = MATURITY_V1.dimensions.find((d) => d.code === parts[1]);
    const side = parts[2] === "target" ? "target" : "current";
    const label = dimension ? `${dimension.title[ctx.lang]}: ${MATURITY_V1.questions[side][ctx.lang]}` : t.maturityTitle;
    const name = maturityField(String(parts[1]), side);
    return { name, id: radioId(name, 1), message: fill(t.errorChoice, { label }) };
  }
  if (parts[1] === "partners" && parts[2] !== undefined) {
    const position = values.connections?.partners?.[Number(parts[2])]?.organisation;
    const key = parts[3] === "trust" || parts[3] === "value" || parts[3] === "level" ? parts[3] : "partner";
    const label =
      key === "trust" ? t.trustQuestion : key === "value" ? t.valueQuestion : key === "level" ? t.levelsQuestion : t.partnersQuestion;
    // Named from the posted position as it came (a tampered form may send anything there).
    const name = `${key}.${position}`;
    return {
      name,
      id: key === "partner" ? radioId("partner", String(position)) : radioId(name, 1),
      message: fill(t.errorChoice, { label }),
    };
  }
  // The first radio is the organisation at position 0.
  const name = CONNECTION_FIELDS.organisation;
  return { name, id: radioId(name, 0), message: fill(t.errorChoice, { label: t.ownQuestion }) };
}

/** The errors of a posted module page, for its template. */
export function moduleErrors(ctx: SurveyCtx, details: ErrorDetail[], values: { connections?: ConnectionsAnswer }): ModulePageErrors {
  const described = details.map((detail) => describe(ctx, detail, values));
  return {
    byName: Object.fromEntries(described.map((e) => [e.name, e.message])),
    summary: errorSummary(
      ctx,
      described.map((e) => ({ field: e.id, message: e.message })),
    ),
  };
}
