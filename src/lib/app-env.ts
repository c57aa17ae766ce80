import { OpenAPIHono } from "@hono/zod-openapi";
import type { Actor } from "../auth/actor";
import type { UnknownEmailFailures } from "../auth/login";
import type { Mail } from "../email/transport";
import type { PortfolioCache } from "../portfolio/cache";
import type { PdfRenderer } from "../reports/renderer";
import type { SurveyStore } from "../survey/store";
import type { LoginGuard } from "./abuse";
import type { ChartViews } from "./charts";
import type { Clock } from "./clock";
import type { Config } from "./config";
import type { Db } from "./db";
import type { Views } from "./html";
import type { Logger } from "./logger";
import { rejectUnpairedSurrogates, validationError } from "./validation";

/** What the app is built from; server.ts makes the real ones, tests make their own. */
export interface BaseDeps {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  views: Views;
  renderer: PdfRenderer;
  /** What invitations and reminders are sent with (server.ts makes it once for the app and the mail worker). */
  mail?: Mail;
  /** Checks a password against its stored hash; tests pass a counting one (default: auth/passwords' verifyPassword). */
  checkPassword?: (stored: string, password: string) => Promise<boolean>;
}

/**
 * What an app keeps between requests, built once from its BaseDeps by `appDeps` (src/app.ts): no
 * module of src/ keeps state of its own, so two apps (or two tests) never share any.
 */
export interface AppState {
  /** The survey's prepared statements and group commit. */
  survey: SurveyStore;
  /** Sign-in attempts per client address, for the JSON and the form sign-in alike. */
  loginGuard: LoginGuard;
  /** Wrong passwords for emails without an account, counted like an account's. */
  unknownEmails: UnknownEmailFailures;
  /** The compiled chart views the report and the comparisons draw with. */
  charts: ChartViews;
  /** Worked-out portfolios, kept while the networks, grants and closed rounds they come from are unchanged. */
  portfolioCache: PortfolioCache;
}

/** Everything handlers and verbs are given. */
export type Deps = BaseDeps & AppState;

export interface AppEnv {
  Variables: {
    requestId: string;
    actor: Actor | null;
  };
}

/** A router for /api/v1 whose zod validation failures (and text that is not valid Unicode) become our 400 error shape. */
export function apiRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
      rejectUnpairedSurrogates(result.data, result.target);
    },
  });
}
