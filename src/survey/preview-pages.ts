// The questionnaire as members will see it, for the facilitator before opening a round: the real
// survey pages (same models, same templates, each language), marked as a preview. Nothing is
// stored: no draft, no response, no invitation status. Answers are checked as they would be, then
// forgotten.

import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { RoundRow } from "../db/schema";
import { messages } from "../i18n/survey";
import { getInstrument, LANGUAGES, localize } from "../instrument";
import type { AppEnv, Deps } from "../lib/app-env";
import { formFields, type PageContext } from "../lib/pages";
import { networkTimeZone } from "../lib/time-zone";
import { loadRound } from "../rounds/load";
import { reviewModel } from "./check-answers-model";
import { checkDraft, mergeAbout, mergeTheme } from "./form";
import { mergeModulePage, modulePage, moduleStep } from "./module-posts";
import { previewModules } from "./modules";
import { aboutModel, themeModel } from "./question-model";
import type { SurveyDraft } from "./schemas";
import {
  type Arrival,
  afterStep,
  type Step,
  type SurveyCtx,
  savedModel,
  stepHref,
  surveyCtx,
  thanksModel,
  welcomeModel,
} from "./survey-model";

/** Members of an open-link round arrive through the shared link; everyone else through their own. */
const arrivalOf = (round: RoundRow): Arrival =>
  round.access === "open" ? { kind: "shared", answeredBefore: false } : { kind: "personal" };

/** The preview pages under /rounds/:id/preview, for those who may manage the round. */
export function surveyPreviewPages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  app.use("/rounds/:id/preview/*", async (c, next) => {
    await next();
    c.header("X-Robots-Tag", "noindex");
  });

  /** The round, its questionnaire in the language asked for (else the round's) and the flow's links. */
  const preview = (c: PageContext) => {
    const { round } = loadRound(deps, c.get("actor"), c.req.param("id") ?? "", "manage");
    const instrument = getInstrument(round.instrumentId, round.instrumentVersion);
    if (!instrument) throw new Error(`Round ${round.id} uses an unknown instrument`);
    const asked = c.req.query("lang");
    const lang = LANGUAGES.find((l) => l === asked) ?? round.language;
    const ctx: SurveyCtx = {
      ...surveyCtx("", lang),
      base: `/rounds/${encodeURIComponent(round.id)}/preview`,
      timeZone: networkTimeZone(db, round.networkId),
      modules: previewModules(db, round),
    };
    return { round, instrument, ctx, survey: localize(instrument, lang) };
  };
  type Preview = ReturnType<typeof preview>;

  const render = (c: PageContext, p: Preview, page: string, data: object, status: ContentfulStatusCode = 200) =>
    c.html(views.render(`survey/${page}`, { ...data, preview: messages(p.ctx.lang).previewBanner }, "survey"), status);

  /** A page of the preview, for those allowed to manage the round (else the usual 404 / 403). */
  const route = (handler: (c: PageContext, p: Preview) => Response | Promise<Response>) => async (c: PageContext) => handler(c, preview(c));

  /**
   * Nothing is kept in a preview, so the last connections page would ask about no one: it is shown
   * as a member who works for the first organisation and ticked the next three would see it.
   */
  const sample = (p: Preview, step: Step): SurveyDraft => {
    if (step !== "connections/3") return {};
    const others = (p.ctx.modules?.organisations ?? []).slice(1, 4);
    return { connections: { organisation: 0, partners: others.map((o) => ({ organisation: o.position })) } };
  };

  /** Where the Back / Next / Save and finish later buttons lead, as on the real pages; nothing is kept, so no page is skipped. */
  const next = (p: Preview, step: Step, go: string | undefined) => afterStep(p.ctx, p.instrument.themes.length, step, go);

  const themeNumber = (c: PageContext, p: Preview) => {
    const n = Number(c.req.param("n"));
    return Number.isInteger(n) && n >= 1 && n <= p.instrument.themes.length ? n : undefined;
  };

  app.get(
    "/rounds/:id/preview",
    route((c, p) => render(c, p, "welcome", welcomeModel(p.ctx, p.round, p.survey, null, arrivalOf(p.round)))),
  );

  app.get(
    "/rounds/:id/preview/theme/:n",
    route((c, p) => {
      const n = themeNumber(c, p);
      return n ? render(c, p, "theme", themeModel(p.ctx, p.survey, n, {})) : c.redirect(stepHref(p.ctx, ""), 303);
    }),
  );

  app.post(
    "/rounds/:id/preview/theme/:n",
    route(async (c, p) => {
      const n = themeNumber(c, p);
      const theme = n ? p.instrument.themes[n - 1] : undefined;
      if (!n || !theme) return c.redirect(stepHref(p.ctx, ""), 303);
      const fields = await formFields(c);
      const checked = checkDraft(p.instrument, mergeTheme({}, theme, fields));
      if ("errors" in checked)
        return render(c, p, "theme", themeModel(p.ctx, p.survey, n, mergeTheme({}, theme, fields), checked.errors), 400);
      return c.redirect(next(p, `theme/${n}`, fields.go), 303);
    }),
  );

  const MODULE_PATH = "/rounds/:id/preview/:module{connections|maturity}/:n";
  app.get(
    MODULE_PATH,
    route((c, p) => {
      const step = moduleStep(p.ctx, c.req.param("module"), c.req.param("n"));
      if (!step) return c.redirect(stepHref(p.ctx, ""), 303);
      const page = modulePage(p.ctx, p.survey, step, p.round.minResponses, sample(p, step));
      return render(c, p, page.page, page.model);
    }),
  );

  app.post(
    MODULE_PATH,
    route(async (c, p) => {
      const step = moduleStep(p.ctx, c.req.param("module"), c.req.param("n"));
      if (!step) return c.redirect(stepHref(p.ctx, ""), 303);
      const fields = await formFields(c);
      const candidate = mergeModulePage({}, step, fields, p.ctx);
      const checked = checkDraft(p.instrument, candidate, p.ctx.modules?.modules, deps.survey.schemas);
      if ("errors" in checked) {
        const page = modulePage(p.ctx, p.survey, step, p.round.minResponses, candidate, checked.errors);
        return render(c, p, page.page, page.model, 400);
      }
      return c.redirect(next(p, step, fields.go), 303);
    }),
  );

  app.get(
    "/rounds/:id/preview/about",
    route((c, p) => render(c, p, "about", aboutModel(p.ctx, p.survey, p.round.minResponses, {}))),
  );

  app.post(
    "/rounds/:id/preview/about",
    route(async (c, p) => {
      const fields = await formFields(c);
      const candidate = mergeAbout({}, fields);
      const checked = checkDraft(p.instrument, candidate);
      if ("errors" in checked)
        return render(c, p, "about", aboutModel(p.ctx, p.survey, p.round.minResponses, candidate, checked.errors), 400);
      return c.redirect(next(p, "about", fields.go), 303);
    }),
  );

  app.get(
    "/rounds/:id/preview/review",
    route((c, p) => render(c, p, "review", reviewModel(p.ctx, p.survey, {}))),
  );

  // "Submit" in a preview submits nothing: it shows the thanks page members see.
  app.post(
    "/rounds/:id/preview/submit",
    route((c, p) => c.redirect(stepHref(p.ctx, "thanks"), 303)),
  );
  app.get(
    "/rounds/:id/preview/thanks",
    route((c, p) => render(c, p, "thanks", thanksModel(p.ctx))),
  );
  app.get(
    "/rounds/:id/preview/saved",
    route((c, p) => render(c, p, "saved", savedModel(p.ctx, p, p.survey))),
  );

  return app;
}
