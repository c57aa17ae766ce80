import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { RoundRow } from "../db/schema";
import { fill } from "../i18n/survey";
import { getInstrument, type Instrument, type Lang, type LocalizedInstrument, localize } from "../instrument";
import { createOpenInvitation } from "../invitations/service";
import type { AppEnv, Deps } from "../lib/app-env";
import { clientAddress } from "../lib/client-address";
import { formFields, type PageContext } from "../lib/pages";
import { createRateLimiter, type RateLimit } from "../lib/rate-limit";
import { networkTimeZone } from "../lib/time-zone";
import { closedToMembers } from "../rounds/lifecycle";
import { findOpenRound, OPEN_LINK_LIMIT } from "../rounds/open-link";
import { answeredBefore } from "./answered-cookie";
import { changeId, reviewModel } from "./check-answers-model";
import { saveDraft } from "./drafts";
import { surveyLanguage } from "./lang";
import { resolveLink } from "./link";
import { modulePage, moduleStep, postModule } from "./module-posts";
import { roundModules } from "./modules";
import { type PageOutcome, postAbout, postTheme } from "./page-posts";
import { aboutModel, themeModel } from "./question-model";
import type { SurveyDraft } from "./schemas";
import { type LinkProblem, layout, openCtx, problemModel, type SurveyCtx, surveyCtx, welcomeModel } from "./survey-model";

export interface OpenLinkOptions {
  /** Overrides OPEN_LINK_LIMIT (tests use a small one). */
  limit?: RateLimit;
}

/** An open round reached through its shared link, in the visitor's language. */
interface Visit {
  round: RoundRow;
  instrument: Instrument;
  survey: LocalizedInstrument;
  ctx: SurveyCtx;
}

/** Whether a page's draft holds anything worth keeping (a choice, a comment, an answer about you). */
function holdsAnything(draft: SurveyDraft): boolean {
  return Object.values(draft).some((value) => (typeof value === "object" && value !== null ? Object.keys(value).length > 0 : true));
}

/**
 * An open-access round's shared link, /o/<code>: the survey's own pages, with nothing stored while
 * the visitor only reads or clicks through. A link of their own (an invitation for no member) is
 * made only when they save something — Next with an answer, Save and finish later, or the language
 * switch — so that link previewers in mail and chat apps do not count as "links handed out". From
 * then on they carry on at /s/<token>, like a member with a personal link.
 */
export function openLinkPages(deps: Deps, options: OpenLinkOptions = {}) {
  const { db, views, config } = deps;
  const limiter = createRateLimiter(deps.clock, options.limit ?? OPEN_LINK_LIMIT);
  const app = new Hono<AppEnv>();

  // Shared by everyone with the poster, yet never worth caching or indexing.
  app.use("/o/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
    c.header("X-Robots-Tag", "noindex");
  });

  const render = (c: PageContext, page: string, data: object, status: ContentfulStatusCode = 200) =>
    c.html(views.render(`survey/${page}`, data, "survey"), status);
  const codeOf = (c: PageContext) => c.req.param("code") ?? "";
  const ctxOf = (c: PageContext, round?: RoundRow): SurveyCtx => ({
    ...openCtx(
      codeOf(c),
      surveyLanguage(c.req.query("lang"), c.req.header("Accept-Language"), round?.language),
      c.req.query("from") === "review",
    ),
    timeZone: round ? networkTimeZone(db, round.networkId) : undefined,
    modules: round ? roundModules(db, round) : undefined,
  });
  const problem = (c: PageContext, ctx: SurveyCtx, kind: LinkProblem, status: ContentfulStatusCode, mirror?: string) =>
    render(c, "problem", problemModel(ctx, kind, "", mirror), status);

  /** Counts a visit (or a first save) against the address's limit; a 429 page when it is used up. */
  const overLimit = (c: PageContext, ctx: SurveyCtx) => {
    const allowed = limiter.limit(clientAddress(c, config));
    if (allowed.ok) return undefined;
    c.header("Retry-After", String(allowed.retryAfterSeconds));
    const { t } = ctx;
    const body = fill(t.busyBody, { n: Math.ceil(allowed.retryAfterSeconds / 60) });
    return render(c, "problem", { ...layout(ctx, t.busyTitle, ""), heading: t.busyTitle, body }, 429);
  };

  /** Finds the round of the link; one that cannot be answered (unknown, not open yet, closed) gets its page. */
  const withRound =
    (handler: (c: PageContext, v: Visit) => Response | Promise<Response>, counted = false) =>
    async (c: PageContext) => {
      const round = findOpenRound(db, codeOf(c));
      if (!round) return problem(c, ctxOf(c), "not_found", 404);
      const ctx = ctxOf(c, round);
      const limited = counted ? overLimit(c, ctx) : undefined;
      if (limited) return limited;
      if (round.status === "draft") return problem(c, ctx, "not_ready", 404);
      // Past its closing time reads as closed; closing it is the scheduled closer's job, not a visitor's.
      if (closedToMembers(round, deps.clock.now()))
        return problem(c, ctx, "gone", 410, round.status === "closed" && round.mirrorSlug ? `/m/${round.mirrorSlug}` : undefined);
      const instrument = getInstrument(round.instrumentId, round.instrumentVersion);
      if (!instrument) throw new Error(`Round ${round.id} uses unknown instrument ${round.instrumentId} v${round.instrumentVersion}`);
      return handler(c, { round, instrument, survey: localize(instrument, ctx.lang), ctx });
    };

  const themeNumber = (c: PageContext, v: Visit) => {
    const n = Number(c.req.param("n"));
    return Number.isInteger(n) && n >= 1 && n <= v.instrument.themes.length ? n : undefined;
  };

  /** A posted page: its errors, on through the shared link while nothing is kept, or a link of their own with the draft saved. */
  const afterPost = (c: PageContext, v: Visit, outcome: PageOutcome) => {
    if ("model" in outcome) return render(c, outcome.page, outcome.model, 400);
    if (!outcome.save && !holdsAnything(outcome.draft)) return c.redirect(outcome.href(v.ctx), 303);
    const limited = overLimit(c, v.ctx);
    if (limited) return limited;
    const token = createOpenInvitation(deps, v.round.id);
    saveDraft(deps, resolveLink(deps, token), token, outcome.draft);
    return c.redirect(outcome.href(surveyCtx(token, v.ctx.lang)), 303);
  };
  const pageInput = (v: Visit) => ({
    ctx: v.ctx,
    survey: v.survey,
    instrument: v.instrument,
    minResponses: v.round.minResponses,
    draft: {},
    localize: (lang: Lang) => localize(v.instrument, lang),
    schemas: deps.survey.schemas,
  });

  app.get(
    "/o/:code",
    withRound(
      (c, v) =>
        render(
          c,
          "welcome",
          welcomeModel(v.ctx, v.round, v.survey, null, { kind: "shared", answeredBefore: answeredBefore(c, v.round.id) }),
        ),
      true,
    ),
  );

  app.get(
    "/o/:code/theme/:n",
    withRound((c, v) => {
      const n = themeNumber(c, v);
      return n ? render(c, "theme", themeModel(v.ctx, v.survey, n, {})) : problem(c, v.ctx, "no_page", 404);
    }),
  );
  app.post(
    "/o/:code/theme/:n",
    withRound(async (c, v) => {
      const n = themeNumber(c, v);
      if (!n) return problem(c, v.ctx, "no_page", 404);
      return afterPost(c, v, postTheme(pageInput(v), n, await formFields(c)));
    }),
  );

  const MODULE_PATH = "/o/:code/:module{connections|maturity}/:n";
  app.get(
    MODULE_PATH,
    withRound((c, v) => {
      const step = moduleStep(v.ctx, c.req.param("module"), c.req.param("n"));
      if (!step) return problem(c, v.ctx, "no_page", 404);
      const page = modulePage(v.ctx, v.survey, step, v.round.minResponses, {});
      return render(c, page.page, page.model);
    }),
  );
  app.post(
    MODULE_PATH,
    withRound(async (c, v) => {
      const step = moduleStep(v.ctx, c.req.param("module"), c.req.param("n"));
      if (!step) return problem(c, v.ctx, "no_page", 404);
      return afterPost(c, v, postModule(pageInput(v), step, await formFields(c)));
    }),
  );

  app.get(
    "/o/:code/about",
    withRound((c, v) => render(c, "about", aboutModel(v.ctx, v.survey, v.round.minResponses, {}))),
  );
  app.post(
    "/o/:code/about",
    withRound(async (c, v) => afterPost(c, v, postAbout(pageInput(v), await formFields(c)))),
  );

  // Nothing is kept under the shared link, so there is nothing to check or send yet.
  app.get(
    "/o/:code/review",
    withRound((c, v) => render(c, "review", reviewModel(v.ctx, v.survey, {}))),
  );
  app.post(
    "/o/:code/submit",
    withRound((c, v) => {
      const errors = [{ field: changeId(v.survey.themes[0]?.code ?? "about"), message: v.ctx.t.errorNothing }];
      return render(c, "review", reviewModel(v.ctx, v.survey, {}, { errors }), 400);
    }),
  );

  app.all(
    "/o/:code/*",
    withRound((c, v) => problem(c, v.ctx, "no_page", 404)),
  );

  return app;
}
