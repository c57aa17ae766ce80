import { Hono } from "hono";
import type { AppEnv, Deps } from "../lib/app-env";
import { invalidField } from "../lib/errors";
import { signedInActor } from "../lib/pages";
import { loadRound } from "../rounds/load";
import { REPORT_CSP } from "./html";
import { ReportLangQuery } from "./routes";
import { reportHtml } from "./service";

/**
 * The report preview is the report document itself, which needs inline styles: it is served with
 * the report's own policy instead of the app's (no scripts, nothing loaded, never framed).
 */
export const PREVIEW_CSP = `${REPORT_CSP}; frame-ancestors 'none'`;

/** The mirror report in the browser, with "Download PDF" and "Back" links. */
export function reportPages(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get("/rounds/:id/report", async (c) => {
    const actor = signedInActor(c);
    const query = ReportLangQuery.safeParse({ lang: c.req.query("lang") });
    if (!query.success) throw invalidField("lang", "must be en or nl");
    const { round, network } = loadRound(deps, actor, c.req.param("id"), "comments");
    const current = round;
    const lang = query.data.lang ?? current.language;
    const other = lang === "en" ? "nl" : "en";
    const id = encodeURIComponent(current.id);
    const html = await reportHtml(deps, current, network, lang, {
      backUrl: `/networks/${encodeURIComponent(network.id)}`,
      pdfUrl: `/api/v1/rounds/${id}/report.pdf?lang=${lang}`,
      otherLanguageUrl: `/rounds/${id}/report?lang=${other}`,
      otherLanguage: other,
    });
    c.header("Content-Security-Policy", PREVIEW_CSP);
    c.header("Cache-Control", "private, no-store");
    return c.html(html);
  });

  return app;
}
