import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, type Deps } from "../lib/app-env";
import { attachment } from "../lib/csv";
import { commonErrors, IdParams, jsonResponse } from "../lib/openapi";
import { comparisonCsv, comparisonFilename } from "./csv";
import { networkOverTime } from "./network-history";
import { CompareQuery, ComparisonSchema } from "./schemas";
import { compareNetworks } from "./service";

/** Commissioners' comparison of networks over time (anyone who may see every network asked for). */
export function compareRoutes(deps: Deps) {
  const app = apiRouter();
  app.openapi(
    createRoute({
      method: "get",
      path: "/compare",
      tags: ["Compare"],
      description:
        "Closed rounds of several networks on the same instrument, oldest first: aggregates only. A network you may not see " +
        "makes the whole request 404. Send `Accept: text/csv` for one row per network × round.",
      request: { query: CompareQuery },
      responses: {
        200: {
          description: "The comparison",
          content: { "application/json": { schema: ComparisonSchema }, "text/csv": { schema: z.string() } },
        },
        ...commonErrors,
      },
    }),
    (c) => {
      const comparison = compareNetworks(deps, c.get("actor"), c.req.valid("query"));
      if ((c.req.header("Accept") ?? "").includes("text/csv")) {
        return c.body(comparisonCsv(comparison), 200, {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": attachment(comparisonFilename(deps.clock.now(), "csv")),
        });
      }
      return c.json(comparison, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/networks/{id}/history",
      tags: ["Compare"],
      description:
        "Every closed round of one network on the core instrument, oldest first: the comparison of one network, aggregates only.",
      request: { params: IdParams },
      responses: { 200: jsonResponse(ComparisonSchema, "The network over time"), ...commonErrors },
    }),
    (c) => c.json(networkOverTime(deps, c.get("actor"), c.req.valid("param").id), 200),
  );
  return app;
}
