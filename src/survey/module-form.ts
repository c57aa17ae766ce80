import { RATED_FROM_LEVEL } from "../connections/map-inputs";
import type { RoundOrganisationRow } from "../db/schema";
import { CONNECTION_FIELDS } from "./connections-model";
import type { Fields } from "./form";
import { maturityField } from "./maturity-model";
import type { ConnectionsAnswer, MaturityMark, PartnerAnswer } from "./module-schemas";
import type { SurveyDraft } from "./schemas";
import { maturityDimensions } from "./survey-model";

// Posted module pages merged into the draft, unchecked until `checkDraft`. Digits become numbers so
// that a tampered value reaches the schema as what it is and is refused there.

const formValue = (raw: string | undefined) => (raw === undefined || raw === "" ? undefined : /^\d{1,3}$/.test(raw) ? Number(raw) : raw);

/** `draft` with `connections` replaced (left out when empty). */
function withConnections(draft: SurveyDraft, connections: Record<string, unknown>): Record<string, unknown> {
  const { connections: _, ...rest } = draft;
  const kept = Object.fromEntries(Object.entries(connections).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
  return Object.keys(kept).length > 0 ? { ...rest, connections: kept } : rest;
}

/**
 * Page 1: the respondent's organisation. "Not listed" and "prefer not to say" drop the partners
 * (they need an organisation to run from); choosing an organisation that was ticked as a partner
 * drops that partner.
 */
export function mergeOwnOrganisation(draft: SurveyDraft, fields: Fields): Record<string, unknown> {
  const organisation = formValue(fields[CONNECTION_FIELDS.organisation]);
  const partners =
    typeof organisation === "number" ? (draft.connections?.partners ?? []).filter((p) => p.organisation !== organisation) : [];
  return withConnections(draft, { organisation, partners });
}

/** Page 2: the partners ticked among the round's other organisations; those still ticked keep their answers. */
export function mergePartners(draft: SurveyDraft, fields: Fields, organisations: RoundOrganisationRow[]): Record<string, unknown> {
  const own = draft.connections?.organisation;
  const before = new Map((draft.connections?.partners ?? []).map((p) => [p.organisation, p]));
  const partners: PartnerAnswer[] = organisations
    .filter((o) => o.position !== own && fields[CONNECTION_FIELDS.partner(o.position)] !== undefined)
    .map((o) => before.get(o.position) ?? { organisation: o.position });
  return withConnections(draft, { organisation: own, partners });
}

/**
 * Page 3: each ticked partner's level and ratings. Ratings count only from level 2 (cooperate) up:
 * without script the page shows them for every partner, so those given with "aware" or without a
 * level are dropped here, as the page says, rather than refused (a radio cannot be unticked).
 */
export function mergeLevels(draft: SurveyDraft, fields: Fields): Record<string, unknown> {
  const partners = (draft.connections?.partners ?? []).map((p) => {
    const level = formValue(fields[CONNECTION_FIELDS.level(p.organisation)]);
    const rated = typeof level === "number" && level >= RATED_FROM_LEVEL;
    const entry: Record<string, unknown> = { organisation: p.organisation, level };
    if (rated) {
      entry.trust = formValue(fields[CONNECTION_FIELDS.trust(p.organisation)]);
      entry.value = formValue(fields[CONNECTION_FIELDS.value(p.organisation)]);
    }
    return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
  });
  return withConnections(draft, { ...(draft.connections as ConnectionsAnswer), partners });
}

/** Maturity page `n`: its dimensions' marks replace what was saved (a dimension left alone is skipped). */
export function mergeMaturity(draft: SurveyDraft, fields: Fields, n: number): Record<string, unknown> {
  const maturity: Record<string, MaturityMark | Record<string, unknown>> = { ...draft.maturity };
  for (const { code } of maturityDimensions(n)) {
    const mark = Object.fromEntries(
      (["current", "target"] as const)
        .map((side) => [side, formValue(fields[maturityField(code, side)])] as const)
        .filter(([, v]) => v !== undefined),
    );
    if (Object.keys(mark).length > 0) maturity[code] = mark;
    else delete maturity[code];
  }
  const { maturity: _, ...rest } = draft;
  return Object.keys(maturity).length > 0 ? { ...rest, maturity } : rest;
}
