import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, type Deps } from "../lib/app-env";
import { commonErrors, IdParams, jsonResponse } from "../lib/openapi";
import { MaturityResultsSchema } from "../maturity/schemas";
import { loadRound } from "../rounds/load";
import { getRoundResults } from "./labelled-results";

export const LangQuery = z.object({
  lang: z.enum(["en", "nl"]).optional().openapi({ description: "Language of labels; the round's own by default" }),
});

const ResultsSchema = z
  .object({
    round: z.object({ id: z.string(), title: z.string() }).passthrough(),
    network: z.object({ id: z.string(), name: z.string(), stage: z.string() }),
    n: z.number(),
    invited: z.number(),
    responseRate: z.number().nullable(),
    minResponses: z.number(),
    openLinkResponses: z.number().openapi({ description: "Responses that came through an open link (counted from the links)" }),
    suppressed: z.boolean(),
    maturity: MaturityResultsSchema,
  })
  .passthrough()
  .openapi("RoundResults", {
    description:
      "A closed round's results; see the mirror report's scoring rules. Suppressed rounds carry nothing derived from answers. " +
      "A figure with fewer than minResponses respondents behind it (a statement, a theme score and its change, the temperature, " +
      "the rating, the trend split, a breakdown cell) is null, with shown, ratingShown or trendShown false.",
  });

/** A closed round's results (facilitators and granted commissioners). */
export function resultRoutes(deps: Deps) {
  const { db } = deps;
  const app = apiRouter();
  app.openapi(
    createRoute({
      method: "get",
      path: "/rounds/{id}/results",
      tags: ["Results"],
      request: { params: IdParams, query: LangQuery },
      responses: {
        200: jsonResponse(ResultsSchema, "The round's results"),
        ...commonErrors,
        409: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "The round is not closed yet"),
      },
    }),
    (c) => {
      const { round, network } = loadRound(deps, c.get("actor"), c.req.valid("param").id, "view");
      const current = round;
      const lang = c.req.valid("query").lang ?? current.language;
      return c.json(getRoundResults(db, current, network, lang), 200);
    },
  );
  return app;
}
