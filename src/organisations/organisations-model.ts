import type { NetworkRow } from "../db/schema";
import { MESSAGES } from "../i18n/organisations";
import type { Lang } from "../instrument";
import type { Db } from "../lib/db";
import type { ErrorDetail } from "../lib/errors";
import { formatterFor } from "../lib/format";
import { preferredLanguage } from "../survey/lang";
import { listOrganisations } from "./queries";
import { rosterOrganisationNames } from "./roster-names";
import { MAX_ORGANISATION_NAME } from "./schemas";
import { organisationTypeLabel, organisationTypeOptions } from "./types";

/** The page's language: the switch's `?lang`, else the browser's, else English. */
export function pageLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  return query === "en" || query === "nl" ? query : (preferredLanguage(acceptLanguage) ?? "en");
}

/** The organisations page's address in a language, with more query after it. */
export const listPath = (networkId: string, lang: Lang, more = "") => `/networks/${networkId}/organisations?lang=${lang}${more}`;

/** What every organisations page hands the layout and its header: the language, the words, the way back. */
export function frame(network: NetworkRow, lang: Lang, path: string) {
  const t = MESSAGES[lang];
  return {
    lang,
    t,
    skipLabel: t.skipLabel,
    footerText: t.footerText,
    maxName: MAX_ORGANISATION_NAME,
    network: { id: network.id, name: network.name },
    listUrl: listPath(network.id, lang),
    switchUrl: `${path}?lang=${t.switchTo.lang}`,
  };
}

/** Form values typed, and the errors about them, to show again. */
export interface FormState {
  values?: { name?: string; type?: string };
  errors?: ErrorDetail[];
  errorsByField?: Record<string, string>;
}

/** Everything `pages/organisations/list.hbs` shows. */
export function listModel(db: Db, network: NetworkRow, lang: Lang, notice: string | undefined, form: FormState = {}) {
  const t = MESSAGES[lang];
  const fmt = formatterFor(lang);
  const list = listOrganisations(db, network.id);
  const roster = rosterOrganisationNames(
    db,
    network.id,
    list.map((o) => o.name),
  );
  return {
    ...frame(network, lang, `/networks/${network.id}/organisations`),
    title: `${t.title} · ${network.name}`,
    notice,
    ...form,
    summary: t.summary(list.filter((o) => o.active).length, list.length),
    caption: t.caption(network.name),
    organisations: list.map((o) => ({
      ...o,
      typeLabel: organisationTypeLabel(o.type, lang),
      usedBy: fmt.count(o.usedByRounds),
      editUrl: `/networks/${network.id}/organisations/${o.id}/edit?lang=${lang}`,
      deleteUrl: `/networks/${network.id}/organisations/${o.id}/delete?lang=${lang}`,
      activeAction: `/networks/${network.id}/organisations/${o.id}/active?lang=${lang}`,
    })),
    types: organisationTypeOptions(lang, form.values?.type ?? "hospital"),
    roster: {
      newCount: roster.names.length,
      text: roster.names.length > 0 ? t.rosterNew(roster.names.length) : roster.anyNamed ? t.rosterNone : t.rosterEmpty,
      url: `/networks/${network.id}/organisations/from-roster?lang=${lang}`,
    },
  };
}
