import { createRoute } from "@hono/zod-openapi";
import { mayOnNetwork } from "../auth/access";
import { apiRouter, type Deps } from "../lib/app-env";
import { commonErrors, ErrorSchema, IdParams, jsonResponse } from "../lib/openapi";
import { loadRound } from "../rounds/load";
import { closedRoundMap, networkMapView } from "./map-access";
import { NetworkMapSchema } from "./schemas";

/** A closed round's network map (facilitators: everything; granted commissioners: the metrics). */
export function connectionRoutes(deps: Deps) {
  const app = apiRouter();
  app.openapi(
    createRoute({
      method: "get",
      path: "/rounds/{id}/network-map",
      tags: ["Results"],
      description:
        "The network map of a closed round with the connections module: organisations, ties, metrics, perception gaps, " +
        "introductions to make and change since the previous round. Commissioners get only `metrics`. 404 for a round without " +
        "the module, 409 while it is open.",
      request: { params: IdParams },
      responses: {
        200: jsonResponse(NetworkMapSchema, "The round's network map"),
        ...commonErrors,
        409: jsonResponse(ErrorSchema, "The round is not closed yet"),
      },
    }),
    (c) => {
      const { round, relation } = loadRound(deps, c.get("actor"), c.req.valid("param").id, "view");
      const audience = mayOnNetwork(relation, "manage") ? "facilitators" : "commissioners";
      return c.json(networkMapView(round, closedRoundMap(deps.db, round), audience), 200);
    },
  );
  return app;
}
