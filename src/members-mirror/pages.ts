import { Hono } from "hono";
import { LANGUAGE_NAMES } from "../i18n/languages";
import { mirrorText } from "../i18n/mirror";
import { LANGUAGES, type Lang } from "../instrument";
import type { AppEnv, Deps } from "../lib/app-env";
import type { PageContext } from "../lib/pages";
import { loadRound } from "../rounds/load";
import { mirrorModel } from "./mirror-model";
import { findPublishedMirror, publishMirror, unpublishMirror } from "./service";

/** The language asked for with `?lang=`, else the round's own. */
function mirrorLang(asked: string | undefined, fallback: Lang): Lang {
  return (LANGUAGES as readonly string[]).includes(asked ?? "") ? (asked as Lang) : fallback;
}

/**
 * The members' mirror: facilitators publish and unpublish it from the round page; members read it
 * at /m/<slug> without signing in, in a layout with no staff navigation.
 */
export function mirrorPages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  const render = (c: PageContext, page: string, lang: Lang, data: object, status: 200 | 404) => {
    const langLinks = LANGUAGES.map((code) => ({ code, label: LANGUAGE_NAMES[code], href: `?lang=${code}`, current: code === lang }));
    // Published or not may change at any moment: nothing may keep a copy.
    c.header("Cache-Control", "no-store");
    c.header("X-Robots-Tag", "noindex, nofollow");
    return c.html(views.render(page, { lang, t: mirrorText(lang), langLinks, ...data }, "mirror"), status);
  };

  for (const [verb, done] of [
    ["publish", "mirror-published"],
    ["unpublish", "mirror-unpublished"],
  ] as const) {
    app.post(`/rounds/:id/mirror/${verb}`, (c) => {
      const id = c.req.param("id") ?? "";
      const { actor, round } = loadRound(deps, c.get("actor"), id, "manage");
      const current = round;
      if (verb === "publish") publishMirror(deps, actor, current);
      else unpublishMirror(deps, actor, current);
      return c.redirect(`/rounds/${current.id}?done=${done}#mirror-title`, 303);
    });
  }

  app.get("/m/:slug", (c) => {
    const found = findPublishedMirror(db, c.req.param("slug"));
    if (!found) {
      const lang = mirrorLang(c.req.query("lang"), "en");
      return render(c, "mirror/not-found", lang, { title: mirrorText(lang).notFound.title }, 404);
    }
    const lang = mirrorLang(c.req.query("lang"), found.round.language);
    return render(c, "mirror/mirror", lang, mirrorModel(db, found.round, found.network, lang), 200);
  });

  return app;
}
