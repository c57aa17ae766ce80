import { Hono } from "hono";
import { EMAIL_MESSAGES, fill } from "../i18n/email";
import { LANGUAGE_NAMES } from "../i18n/languages";
import { messages as surveyMessages } from "../i18n/survey";
import { LANGUAGES, type Lang } from "../instrument";
import type { AppEnv, Deps } from "../lib/app-env";
import type { PageContext } from "../lib/pages";
import { unsubscribe, unsubscribeTarget } from "./unsubscribe";

const langOf = (asked: string | undefined): Lang => ((LANGUAGES as readonly string[]).includes(asked ?? "") ? (asked as Lang) : "en");

/**
 * The unsubscribe link of every message. GET shows a page with one button and changes nothing: mail
 * scanners (Safe Links and the like) open every link they see. POST unsubscribes, from that button or
 * from the mail program's own one-click unsubscribe (RFC 8058: `List-Unsubscribe=One-Click`, no cookie).
 */
export function unsubscribePages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  const render = (c: PageContext, lang: Lang, data: Record<string, unknown>, status: 200 | 404 = 200) => {
    const query = (code: string) => `?lang=${code}`;
    const langLinks = LANGUAGES.map((code) => ({ code, label: LANGUAGE_NAMES[code], href: query(code), current: code === lang }));
    c.header("Cache-Control", "no-store");
    c.header("X-Robots-Tag", "noindex, nofollow");
    return c.html(views.render("email/unsubscribe", { lang, t: surveyMessages(lang), langLinks, ...data }, "survey"), status);
  };

  const handle = (c: PageContext, post: boolean) => {
    const lang = langOf(c.req.query("lang"));
    const words = EMAIL_MESSAGES[lang];
    const target = unsubscribeTarget(db, c.req.param("code") ?? "");
    if (!target) return render(c, lang, { title: words.unknownTitle, heading: words.unknownTitle, body: words.unknownBody }, 404);
    const values = { network: target.networkName };
    if (!post) {
      return render(c, lang, {
        title: fill(words.unsubscribeTitle, values),
        heading: fill(words.unsubscribeTitle, values),
        body: fill(words.unsubscribeBody, values),
        button: words.unsubscribeButton,
        action: `${c.req.path}?lang=${lang}`,
      });
    }
    unsubscribe(deps, target);
    const done = fill(words.unsubscribedTitle, values);
    return render(c, lang, { title: done, heading: done, body: words.unsubscribedBody });
  };

  app.get("/u/:code", (c) => handle(c, false));
  app.post("/u/:code", (c) => handle(c, true));
  return app;
}
