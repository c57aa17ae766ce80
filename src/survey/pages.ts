import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type Lang, type LocalizedInstrument, localize } from "../instrument";
import { surveyUrl } from "../invitations/service";
import type { AppEnv, Deps } from "../lib/app-env";
import { AppError } from "../lib/errors";
import { formFields, type PageContext } from "../lib/pages";
import { networkTimeZone } from "../lib/time-zone";
import { rememberAnswered } from "./answered-cookie";
import { changeId, reviewModel } from "./check-answers-model";
import { hasAnswer, loadDraft, saveDraft } from "./drafts";
import { surveyLanguage } from "./lang";
import { resolveLink, type SurveyLink } from "./link";
import { linkFacts } from "./link-language";
import { modulePage, moduleStep, postModule } from "./module-posts";
import { type RoundModules, roundModules } from "./modules";
import { type PageInput, type PageOutcome, postAbout, postTheme } from "./page-posts";
import { aboutModel, themeModel } from "./question-model";
import { submitResponseGrouped } from "./submit";
import {
  LINK_PROBLEMS,
  type LinkProblem,
  problemModel,
  type Step,
  type SurveyCtx,
  savedModel,
  stepHref,
  surveyCtx,
  thanksModel,
  welcomeModel,
} from "./survey-model";

const PROBLEM_STATUS: Record<LinkProblem, ContentfulStatusCode> = {
  not_found: 404,
  no_page: 404,
  gone: 410,
  already_submitted: 409,
  not_ready: 409,
};

/** The link problem an error stands for, if it is one a respondent should see explained. */
function linkProblem(err: unknown): LinkProblem | undefined {
  return err instanceof AppError ? LINK_PROBLEMS.find((code) => code === err.code) : undefined;
}

/** A link made for a visitor of a shared open link (not a member on the roster). */
const fromOpenLink = (link: SurveyLink) => link.round.access === "open" && link.invitation.memberId === null;

interface Survey {
  link: SurveyLink;
  token: string;
  ctx: SurveyCtx;
  survey: LocalizedInstrument;
  /** The round's modules, read once per request (with up to 100 organisations) and passed on. */
  modules: RoundModules;
}

/**
 * The respondent's survey in HTML at /s/<token>: plain forms, POST-redirect-GET, no script and no
 * cookie (the token in the path is the only credential). Every link state gets a page in the
 * respondent's language rather than the staff error page.
 */
export function surveyPages(deps: Deps) {
  const { views } = deps;
  const app = new Hono<AppEnv>();

  // A page can show someone's half-finished answers: never keep it in a cache, never index it.
  app.use("/s/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
    c.header("X-Robots-Tag", "noindex");
  });

  const render = (c: PageContext, page: string, data: object, status: ContentfulStatusCode = 200) =>
    c.html(views.render(`survey/${page}`, data, "survey"), status);
  const langOf = (c: PageContext, roundLanguage: Lang | undefined) =>
    surveyLanguage(c.req.query("lang"), c.req.header("Accept-Language"), roundLanguage);
  const tokenOf = (c: PageContext) => c.req.param("token") ?? "";

  /** A link state (or missing page) explained in the round's language where we know the round. */
  const problemPage = (c: PageContext, problem: LinkProblem, step: Step) => {
    const token = tokenOf(c);
    const facts = linkFacts(deps, token);
    const ctx = surveyCtx(token, langOf(c, facts?.language));
    const mirror = facts?.mirrorSlug ? `/m/${facts.mirrorSlug}` : undefined;
    return render(c, "problem", problemModel(ctx, problem, step, mirror), PROBLEM_STATUS[problem]);
  };

  /** Resolves the link, then runs `handler`; a link that cannot be answered (now or mid-way) gets its page. */
  const withLink = (step: Step, handler: (c: PageContext, s: Survey) => Response | Promise<Response>) => async (c: PageContext) => {
    try {
      const token = tokenOf(c);
      const link = resolveLink(deps, token);
      const modules = roundModules(deps.db, link.round);
      const ctx = {
        ...surveyCtx(token, langOf(c, link.round.language), c.req.query("from") === "review"),
        timeZone: networkTimeZone(deps.db, link.round.networkId),
        modules,
      };
      return await handler(c, { link, token, ctx, survey: localize(link.instrument, ctx.lang), modules });
    } catch (err) {
      const problem = linkProblem(err);
      if (!problem) throw err;
      return problemPage(c, problem, step);
    }
  };

  /** The link's saved draft, checked against the modules the request has read already. */
  const draftOf = (s: Survey) => loadDraft(deps, s.link, s.token, s.modules.modules);

  /** The theme number in the path, if the instrument has that theme. */
  const themeNumber = (c: PageContext, s: Survey) => {
    const n = Number(c.req.param("n"));
    return Number.isInteger(n) && n >= 1 && n <= s.link.instrument.themes.length ? n : undefined;
  };

  app.get(
    "/s/:token",
    withLink("", (c, s) =>
      render(
        c,
        "welcome",
        welcomeModel(s.ctx, s.link.round, s.survey, draftOf(s), {
          kind: fromOpenLink(s.link) ? "own" : "personal",
        }),
      ),
    ),
  );

  app.get(
    "/s/:token/theme/:n",
    withLink("", (c, s) => {
      const n = themeNumber(c, s);
      if (!n) return problemPage(c, "no_page", "");
      return render(c, "theme", themeModel(s.ctx, s.survey, n, draftOf(s) ?? {}));
    }),
  );

  /** What posting a page of this link needs. */
  const pageInput = (s: Survey): PageInput => ({
    ctx: s.ctx,
    survey: s.survey,
    instrument: s.link.instrument,
    minResponses: s.link.round.minResponses,
    draft: draftOf(s) ?? {},
    localize: (lang) => localize(s.link.instrument, lang),
    schemas: deps.survey.schemas,
  });
  /** A posted page: shown again with its errors, or saved and on to the next step. */
  const afterPost = (c: PageContext, s: Survey, outcome: PageOutcome) => {
    if ("model" in outcome) return render(c, outcome.page, outcome.model, 400);
    saveDraft(deps, s.link, s.token, outcome.draft);
    return c.redirect(outcome.href(s.ctx), 303);
  };

  app.post(
    "/s/:token/theme/:n",
    withLink("", async (c, s) => {
      const n = themeNumber(c, s);
      if (!n) return problemPage(c, "no_page", "");
      return afterPost(c, s, postTheme(pageInput(s), n, await formFields(c)));
    }),
  );

  // The modules' pages (connections/1–3, maturity/1–4), for a round that asks them.
  const MODULE_PATH = "/s/:token/:module{connections|maturity}/:n";
  app.get(
    MODULE_PATH,
    withLink("", (c, s) => {
      const step = moduleStep(s.ctx, c.req.param("module"), c.req.param("n"));
      if (!step) return problemPage(c, "no_page", "");
      const page = modulePage(s.ctx, s.survey, step, s.link.round.minResponses, draftOf(s) ?? {});
      return render(c, page.page, page.model);
    }),
  );

  app.post(
    MODULE_PATH,
    withLink("", async (c, s) => {
      const step = moduleStep(s.ctx, c.req.param("module"), c.req.param("n"));
      if (!step) return problemPage(c, "no_page", "");
      return afterPost(c, s, postModule(pageInput(s), step, await formFields(c)));
    }),
  );

  app.get(
    "/s/:token/about",
    withLink("about", (c, s) => render(c, "about", aboutModel(s.ctx, s.survey, s.link.round.minResponses, draftOf(s) ?? {}))),
  );

  app.post(
    "/s/:token/about",
    withLink("about", async (c, s) => afterPost(c, s, postAbout(pageInput(s), await formFields(c)))),
  );

  app.get(
    "/s/:token/review",
    withLink("review", (c, s) => render(c, "review", reviewModel(s.ctx, s.survey, draftOf(s) ?? {}))),
  );

  app.post(
    "/s/:token/submit",
    withLink("review", async (c, s) => {
      const draft = draftOf(s) ?? {};
      if (!hasAnswer(draft)) {
        const first = changeId(s.survey.themes[0]?.code ?? "about");
        return render(c, "review", reviewModel(s.ctx, s.survey, draft, { errors: [{ field: first, message: s.ctx.t.errorNothing }] }), 400);
      }
      try {
        // Grouped like the JSON route: a meeting room finishing at once shares its commits.
        await submitResponseGrouped(deps, s.token, { ...draft, answers: draft.answers ?? {} }, s.modules.modules);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== "invalid_input") throw err;
        return render(c, "review", reviewModel(s.ctx, s.survey, draft, { details: err.details }), 400);
      }
      // Through a shared open link, this browser is reminded that it answered if it comes back.
      if (fromOpenLink(s.link)) rememberAnswered(c, deps.config, s.link.round, deps.clock.now());
      return c.redirect(stepHref(s.ctx, "thanks"), 303);
    }),
  );

  app.get(
    "/s/:token/saved",
    withLink("saved", (c, s) =>
      render(c, "saved", savedModel(s.ctx, s.link, s.survey, fromOpenLink(s.link) ? surveyUrl(deps.config, s.token) : undefined)),
    ),
  );

  // After submitting, the link answers "already submitted": here, and only here, that is success.
  app.get("/s/:token/thanks", (c) => {
    const token = tokenOf(c);
    try {
      const link = resolveLink(deps, token);
      // Not submitted yet: nothing to thank for; back to the start.
      return c.redirect(stepHref(surveyCtx(token, langOf(c, link.round.language)), ""), 303);
    } catch (err) {
      const problem = linkProblem(err);
      if (!problem) throw err;
      if (problem !== "already_submitted") return problemPage(c, problem, "thanks");
      const facts = linkFacts(deps, token);
      return render(c, "thanks", thanksModel(surveyCtx(token, langOf(c, facts?.language)), facts?.fromOpenLink));
    }
  });

  // Any other address under a link: explained in the survey's own words, not the staff 404.
  app.all(
    "/s/:token/*",
    withLink("", (c) => problemPage(c, "no_page", "")),
  );

  return app;
}
