import { Hono } from "hono";
import { LANGUAGE_NAMES } from "../i18n/languages";
import { LANGUAGES, type Lang } from "../instrument";
import type { AppEnv, Deps } from "../lib/app-env";
import { AppError } from "../lib/errors";
import { formatterFor } from "../lib/format";
import { page } from "../lib/pages";
import { loadRound } from "../rounds/load";
import { hasConnections } from "./freeze-map";
import { connectionsModel } from "./map-model";
import { loadMapSource } from "./map-source";

/**
 * The facilitator's page of a closed round's network map: the report's section plus how many
 * members named each organisation, in English or Dutch (`?lang=`, the round's own by default).
 */
export function connectionPages(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get("/rounds/:id/network-map", (c) => {
    const { round, network } = loadRoundForMap(deps, c.get("actor"), c.req.param("id"));
    const asked = c.req.query("lang") ?? "";
    const lang: Lang = (LANGUAGES as readonly string[]).includes(asked) ? (asked as Lang) : round.language;
    const source = loadMapSource(deps.db, round);
    if (!source) throw new Error(`Round ${round.id} is closed but has no frozen network map`);
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

/** The round for its map page: facilitators only (the page counts respondents per organisation); 404 without the module, 409 while open. */
function loadRoundForMap(deps: Deps, actor: Parameters<typeof loadRound>[1], id: string) {
  const found = loadRound(deps, actor, id, "manage");
  if (!hasConnections(found.round)) throw new AppError("not_found", "This round has no network map");
  if (found.round.status !== "closed") throw new AppError("not_ready", "The network map is available when the round closes");
  return found;
}
