import { createRoute } from "@hono/zod-openapi";
import { requireActor } from "../auth/access";
import { apiRouter, type Deps } from "../lib/app-env";
import { commonErrors, jsonBody, jsonResponse } from "../lib/openapi";
import { portfolioResponse } from "./portfolio-json";
import { PortfolioApiQuery, PortfolioSchema, PortfolioSettingsInput, PortfolioSettingsSchema } from "./schemas";
import { loadPortfolio } from "./service";
import { updatePortfolioSettings } from "./settings";

const tags = ["Portfolio"];

/** The caller's portfolio: every network they may see, paged, and its name and benchmark choice. */
export function portfolioRoutes(deps: Deps) {
  const app = apiRouter();
  app.openapi(
    createRoute({
      method: "get",
      path: "/portfolio",
      tags,
      description:
        "Every network you may see (a commissioner: those granted; an administrator: all), in name order, a page at a time, " +
        "each with its latest closed round's figures as shown, bands, notable changes and notable differences from the rest, " +
        "the network map's and maturity matrix's columns, and the portfolio averages. No ids in the address, so it suits thousands of networks; aggregates only.",
      request: { query: PortfolioApiQuery },
      responses: { 200: jsonResponse(PortfolioSchema, "One page of the portfolio"), ...commonErrors },
    }),
    (c) => {
      const actor = requireActor(c.get("actor"));
      return c.json(portfolioResponse(deps.db, loadPortfolio(deps, actor), c.req.valid("query")), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/portfolio",
      tags,
      description:
        "Names your portfolio and turns the benchmark on or off (commissioners and administrators). With the benchmark on, each " +
        "network's mirror report shows the portfolio average per theme, frozen when its round closes.",
      request: jsonBody(PortfolioSettingsInput),
      responses: { 200: jsonResponse(PortfolioSettingsSchema, "The portfolio's settings"), ...commonErrors },
    }),
    (c) => c.json(updatePortfolioSettings(deps, c.get("actor"), c.req.valid("json")), 200),
  );
  return app;
}
