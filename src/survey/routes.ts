import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, type Deps } from "../lib/app-env";
import { ErrorSchema, jsonBody, jsonResponse } from "../lib/openapi";
import { parseInput } from "../lib/validation";
import { loadDraft, saveDraft } from "./drafts";
import { surveyLanguage } from "./lang";
import { resolveLink } from "./link";
import { roundModules } from "./modules";
import { draftSchema, SurveyDraftBody, SurveyResponseBody } from "./schemas";
import { submitResponseGrouped } from "./submit";
import { SurveyViewSchema, surveyView } from "./survey-json";

const tags = ["Survey"];

const TokenParams = z.object({
  token: z.string().openapi({ param: { name: "token", in: "path" }, description: "The secret from the personal link /s/<token>" }),
});

const err = (description: string) => jsonResponse(ErrorSchema, description);
/** What any personal link can answer besides success. */
const linkErrors = {
  404: err("Unknown link, or replaced by a newer one"),
  409: err("Already submitted (`already_submitted`), or the round has not opened yet (`not_ready`)"),
  410: err("The round has closed"),
};

/**
 * The respondent's survey as JSON, for integrations, kiosks and tests. No login and no cookie: the
 * token in the path is the only credential, and request logs show it as `:token`. Responses are
 * `no-store` because a draft holds someone's answers.
 */
export function surveyRoutes(deps: Deps) {
  const app = apiRouter();
  app.use("/s/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  app.openapi(
    createRoute({
      method: "get",
      path: "/s/{token}",
      tags,
      summary: "The survey of a personal link, in the respondent's language, with the saved draft",
      description: "Never changes the link's status: mail scanners open links too.",
      request: {
        params: TokenParams,
        query: z.object({
          lang: z.string().optional().openapi({ description: "en or nl: the member's own choice, which wins over the round's language" }),
        }),
      },
      responses: { 200: jsonResponse(SurveyViewSchema, "The survey"), ...linkErrors },
    }),
    (c) => {
      const { token } = c.req.valid("param");
      const link = resolveLink(deps, token);
      const lang = surveyLanguage(c.req.valid("query").lang, c.req.header("Accept-Language"), link.round.language);
      const modules = roundModules(deps.db, link.round);
      return c.json(surveyView(link, lang, loadDraft(deps, link, token, modules.modules), modules), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/s/{token}/draft",
      tags,
      summary: "Replace the saved draft (encrypted with a key only the link holds)",
      description: "The first draft holding an answer marks the invitation as started.",
      request: { params: TokenParams, ...jsonBody(SurveyDraftBody) },
      responses: {
        200: jsonResponse(z.object({ saved: z.literal(true) }), "Saved"),
        400: err("Invalid input; `details` names each field"),
        ...linkErrors,
      },
    }),
    (c) => {
      const { token } = c.req.valid("param");
      const link = resolveLink(deps, token);
      saveDraft(
        deps,
        link,
        token,
        parseInput(draftSchema(link.instrument, roundModules(deps.db, link.round).modules, deps.survey.schemas), c.req.valid("json")),
      );
      return c.json({ saved: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/s/{token}/response",
      tags,
      summary: "Submit the response (once per link)",
      description: "Items may be skipped; at least one answer is required. Nothing in the reply identifies the response.",
      request: { params: TokenParams, ...jsonBody(SurveyResponseBody) },
      responses: {
        201: jsonResponse(z.object({ status: z.literal("submitted") }), "Submitted"),
        400: err("Invalid input; `details` names each field"),
        ...linkErrors,
      },
    }),
    async (c) => {
      await submitResponseGrouped(deps, c.req.valid("param").token, c.req.valid("json"));
      return c.json({ status: "submitted" as const }, 201);
    },
  );

  return app;
}
