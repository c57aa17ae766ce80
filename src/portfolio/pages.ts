import { Hono } from "hono";
import type { Actor } from "../auth/actor";
import { portfolioMessages } from "../i18n/portfolio";
import type { AppEnv, Deps } from "../lib/app-env";
import { attachment } from "../lib/csv";
import { formFields, type PageContext, page, signedInActor, zodFormErrors } from "../lib/pages";
import { parseInput } from "../lib/validation";
import { boardSummaryHtml } from "./board";
import { portfolioCsv, portfolioFilename } from "./csv";
import { portfolioHref, portfolioPageModel } from "./portfolio-model";
import { type HeatmapOptions, HeatmapQuery, PortfolioSettingsInput } from "./schemas";
import { selectRowsIn } from "./select";
import { loadPortfolio } from "./service";
import { updatePortfolioSettings } from "./settings";

/** The heatmap's options from the address: a stale sort or page falls back; a bad date is a 400. */
const optionsOf = (c: PageContext): HeatmapOptions => parseInput(HeatmapQuery, c.req.query(), "query");

/** The portfolio page, its settings form, and its CSV and board summary PDF (signed-in users; aggregates only). */
export function portfolioPages(deps: Deps) {
  const { views, clock } = deps;
  const app = new Hono<AppEnv>();

  const render = (c: PageContext, actor: Actor, options: HeatmapOptions, extra: Record<string, unknown> = {}, status: 200 | 400 = 200) => {
    const portfolio = loadPortfolio(deps, actor);
    const model = portfolioPageModel(deps.db, portfolio, portfolio.quarters, options);
    return page(
      c,
      views,
      "portfolio/portfolio",
      {
        title: `${model.labels.heading} · ${model.name}`,
        wide: true,
        skipLabel: model.labels.skipLabel,
        mayName: actor.role !== "facilitator",
        saved: c.req.query("saved") === "1",
        ...model,
        ...extra,
      },
      status,
    );
  };

  app.get("/portfolio", (c) => {
    const actor = signedInActor(c);
    return render(c, actor, optionsOf(c));
  });

  app.post("/portfolio/settings", async (c) => {
    const actor = signedInActor(c);
    const options = optionsOf(c);
    const fields = await formFields(c);
    const parsed = PortfolioSettingsInput.safeParse({ name: fields.name ?? "", benchmark: fields.benchmark === "on" });
    if (!parsed.success) {
      const m = portfolioMessages(options.lang);
      return render(c, actor, options, zodFormErrors(parsed.error, { name: m.nameLabel }), 400);
    }
    updatePortfolioSettings(deps, actor, parsed.data);
    const back = portfolioHref("/portfolio", options);
    return c.redirect(`${back}${back.includes("?") ? "&" : "?"}saved=1`, 303);
  });

  app.get("/portfolio.csv", (c) => {
    const actor = signedInActor(c);
    const options = optionsOf(c);
    const portfolio = loadPortfolio(deps, actor);
    return c.body(portfolioCsv(deps.db, portfolio, selectRowsIn(deps.db, portfolio.rows, options), options.lang), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(portfolioFilename(clock.now(), "csv")),
      "Cache-Control": "no-store",
    });
  });

  app.get("/portfolio.pdf", async (c) => {
    const actor = signedInActor(c);
    const options = optionsOf(c);
    const portfolio = loadPortfolio(deps, actor);
    const rows = selectRowsIn(deps.db, portfolio.rows, options);
    const { html, footer } = await boardSummaryHtml(views, deps.db, portfolio, rows, portfolio.quarters, options.lang, clock.now());
    const nl = options.lang === "nl";
    const pdf = await deps.renderer.render(html, { footer, pageLabel: nl ? "Pagina" : "Page", ofLabel: nl ? "van" : "of" });
    return c.body(new Uint8Array(pdf), 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(portfolioFilename(clock.now(), "pdf")),
      "Cache-Control": "no-store",
    });
  });

  return app;
}
