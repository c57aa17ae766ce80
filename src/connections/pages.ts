import { Hono } from "hono";
import { LANGUAGE_NAMES } from "../i18n/languages";
import { LANGUAGES, type Lang } from "../instrument";
import type { AppEnv, Deps } from "../lib/app-env";
import { formatterFor } from "../lib/format";
import { page } from "../lib/pages";
import { loadRound } from "../rounds/load";
import { closedRoundMap } from "./map-access";
import { connectionsModel } from "./map-model";
import { mapSourceOf } from "./map-source";

/**
 * The facilitator's page of a closed round's network map: the report's section plus how many
 * members named each organisation, in English or Dutch (`?lang=`, the round's own by default).
 */
export function connectionPages(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get("/rounds/:id/network-map", (c) => {
    // Facilitators only (the page counts respondents per organisation); 404 without the module, 409 while open.
    const { round, network } = loadRound(deps, c.get("actor"), c.req.param("id"), "manage");
    const source = mapSourceOf(deps.db, round, closedRoundMap(deps.db, round));
    const asked = c.req.query("lang") ?? "";
    const lang: Lang = (LANGUAGES as readonly string[]).includes(asked) ? (asked as Lang) : round.language;
    const f = formatterFor(lang, network.timeZone);
    const connections = connectionsModel(source.frozen, {
      lang,
      f,
      network: network.name,
      audience: "facilitator",
      previousTitle: source.previousTitle,
      minResponses: source.minResponses,
    });
    const other = LANGUAGES.find((code) => code !== lang) ?? "en";
    return page(c, deps.views, "connections/map", {
      title: `${connections.title} · ${round.title}`,
      round: { id: round.id, title: round.title },
      network: { id: network.id, name: network.name },
      mapLang: lang,
      otherLanguage: { href: `?lang=${other}`, code: other, label: LANGUAGE_NAMES[other] },
      connections,
    });
  });
  return app;
}
