import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { actionRoutes } from "./actions/routes";
import { unknownEmailFailures } from "./auth/login";
import { authenticate } from "./auth/middleware";
import { authPages } from "./auth/pages";
import { authRoutes } from "./auth/routes";
import { SESSION_COOKIE } from "./auth/sessions";
import { signedInPages } from "./auth/sign-in";
import { commentRoutes } from "./comments/routes";
import { comparePages } from "./compare/pages";
import { compareRoutes } from "./compare/routes";
import { connectionPages } from "./connections/pages";
import { connectionRoutes } from "./connections/routes";
import { emailPages } from "./email/pages";
import { emailRoutes } from "./email/routes";
import { unsubscribePages } from "./email/unsubscribe-pages";
import { healthRoutes } from "./health/routes";
import { invitationRoutes } from "./invitations/routes";
import { createLoginGuard, failedLinkGuard } from "./lib/abuse";
import type { AppEnv, AppState, BaseDeps, Deps } from "./lib/app-env";
import { staticAssets } from "./lib/assets";
import { requireUtf8Body } from "./lib/body-encoding";
import { createChartViews } from "./lib/charts";
import { AppError, errorBody, toAppError } from "./lib/errors";
import { csrfGuard, noStoreForPrivate, requestId, requestLog, securityHeaders } from "./lib/middleware";
import { memberPages } from "./members/pages";
import { memberRoutes } from "./members/routes";
import { mirrorPages } from "./members-mirror/pages";
import { networkPages } from "./networks/pages";
import { networkRoutes } from "./networks/routes";
import { organisationPages } from "./organisations/pages";
import { organisationRoutes } from "./organisations/routes";
import { createPortfolioCache } from "./portfolio/cache";
import { portfolioPages } from "./portfolio/pages";
import { portfolioRoutes } from "./portfolio/routes";
import { reportPages } from "./reports/pages";
import { reportRoutes } from "./reports/routes";
import { resultRoutes } from "./results/routes";
import { reviewPages } from "./review/pages";
import { roundPages } from "./rounds/pages";
import { roundRoutes } from "./rounds/routes";
import { openLinkPages } from "./survey/open-pages";
import { surveyPages } from "./survey/pages";
import { surveyPreviewPages } from "./survey/preview-pages";
import { surveyRoutes } from "./survey/routes";
import { createSurveyStore } from "./survey/store";
import { userPages } from "./users/pages";
import { userRoutes } from "./users/routes";

export type { BaseDeps, Deps } from "./lib/app-env";

/** Largest request body we accept: a big roster import fits, a flood does not. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

function wantsHtml(c: Context): boolean {
  return !c.req.path.startsWith("/api/") && (c.req.header("Accept") ?? "").includes("text/html");
}

/**
 * Everything an app keeps between requests, built once from what it is given: prepared statements,
 * the group commit, sign-in counters. Pass the result to createApp; a second call builds a second
 * set (two apps over one database share nothing but the database).
 * @example const app = createApp(appDeps({ db, config, clock, logger, views, renderer }));
 */
export function appDeps<B extends BaseDeps>(base: B): B & AppState {
  return {
    ...base,
    survey: createSurveyStore(base.db, base.logger),
    loginGuard: createLoginGuard(base.clock, base.config),
    unknownEmails: unknownEmailFailures(),
    charts: createChartViews(),
    portfolioCache: createPortfolioCache(),
  };
}

/**
 * Builds the whole application from its dependencies (see appDeps). Nothing here reads the environment or opens
 * files other than the templates already loaded into `deps.views`.
 */
export function createApp(deps: Deps) {
  const { db, clock, config, logger, views } = deps;
  const app = new OpenAPIHono<AppEnv>();

  app.use(requestId());
  app.use(requestLog(logger));
  app.use(securityHeaders());
  app.use(noStoreForPrivate());
  const limitBody = bodyLimit({
    maxSize: BODY_LIMIT_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", `The request body is larger than ${BODY_LIMIT_BYTES / 1024 / 1024} MB`);
    },
  });
  // Only requests that carry a body: touching a GET's body makes the Node adapter build a full
  // web Request and stream for nothing (measured: the largest cost of a survey page view).
  app.use((c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : limitBody(c, next)));
  const utf8Body = requireUtf8Body();
  app.use((c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : utf8Body(c, next)));
  app.use(csrfGuard(config, SESSION_COOKIE));
  app.use(authenticate(db, clock));
  // One count per client across the survey's pages and its JSON.
  const linkGuard = failedLinkGuard(clock, config);
  app.use("/s/*", linkGuard);
  app.use("/o/*", linkGuard);
  app.use("/api/v1/s/*", linkGuard);

  const api = new OpenAPIHono<AppEnv>();
  for (const routes of [
    healthRoutes,
    authRoutes,
    userRoutes,
    networkRoutes,
    memberRoutes,
    organisationRoutes,
    resultRoutes,
    connectionRoutes,
    commentRoutes,
    actionRoutes,
    roundRoutes,
    invitationRoutes,
    surveyRoutes,
    compareRoutes,
    portfolioRoutes,
    reportRoutes,
    emailRoutes,
  ])
    api.route("/", routes(deps));
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "netmirror API", version: "1", description: "Temperature checks and mirror reports for healthcare networks." },
    servers: [{ url: `${config.publicUrl}/api/v1` }],
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.route("/api/v1", api);

  app.route("/", staticAssets());
  // Staff pages: signed-out visitors go to the login page (the few public ones are listed in sign-in.ts).
  for (const pages of [
    authPages,
    networkPages,
    memberPages,
    organisationPages,
    comparePages,
    portfolioPages,
    userPages,
    roundPages,
    connectionPages,
    reviewPages,
    mirrorPages,
    emailPages,
    surveyPreviewPages,
    reportPages,
  ])
    app.route("/", signedInPages(pages(deps)));
  // Members' pages, reached by a link without an account.
  app.route("/", openLinkPages(deps));
  app.route("/", surveyPages(deps));
  app.route("/", unsubscribePages(deps));

  app.notFound(() => {
    throw new AppError("not_found", "There is nothing at this address");
  });

  app.onError((err, c) => {
    const appError = toAppError(err);
    const id = c.get("requestId") ?? "unknown";
    if (appError.code === "internal")
      logger.error("unhandled error", { requestId: id, error: err instanceof Error ? err.stack : String(err) });
    if (appError.retryAfterSeconds) c.header("Retry-After", String(appError.retryAfterSeconds));
    if (wantsHtml(c)) {
      return c.html(
        views.render("error", { title: appError.message, status: appError.status, error: appError, requestId: id, actor: c.get("actor") }),
        appError.status,
      );
    }
    return c.json(errorBody(appError, id), appError.status);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
