import { createRoute, z } from "@hono/zod-openapi";
import { authorizeNetwork, authorizeWithin, requireActor } from "../auth/access";
import { apiRouter, type Deps } from "../lib/app-env";
import { notFound } from "../lib/errors";
import { commonErrors, IdParams, jsonBody, jsonResponse, NoContent } from "../lib/openapi";
import { ActionSchema, CreateActionSchema, UpdateActionSchema } from "./schemas";
import { createAction, deleteAction, findAction, listNetworkActions, updateAction } from "./service";

const tags = ["Actions"];

/** Actions agreed at network meetings, followed up in the next round's report. */
export function actionRoutes(deps: Deps) {
  const { db } = deps;
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "post",
      path: "/networks/{id}/actions",
      tags,
      request: { params: IdParams, ...jsonBody(CreateActionSchema) },
      responses: { 201: jsonResponse(ActionSchema, "Recorded"), ...commonErrors },
    }),
    (c) => {
      const { actor, network } = authorizeNetwork(db, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json(createAction(deps, actor, network.id, c.req.valid("json")), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/networks/{id}/actions",
      tags,
      request: { params: IdParams },
      responses: { 200: jsonResponse(z.object({ actions: z.array(ActionSchema) }), "The network's actions"), ...commonErrors },
    }),
    (c) => {
      const { network } = authorizeNetwork(db, c.get("actor"), c.req.valid("param").id, "view");
      return c.json({ actions: listNetworkActions(db, network.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/actions/{id}",
      tags,
      request: { params: IdParams, ...jsonBody(UpdateActionSchema) },
      responses: { 200: jsonResponse(ActionSchema, "Updated"), ...commonErrors },
    }),
    (c) => {
      requireActor(c.get("actor"));
      const row = findAction(db, c.req.valid("param").id);
      const { actor } = authorizeWithin(db, c.get("actor"), row?.networkId, "manage", "Action");
      if (!row) throw notFound("Action");
      return c.json(updateAction(deps, actor, row, c.req.valid("json")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/actions/{id}",
      tags,
      request: { params: IdParams },
      responses: { 204: NoContent, ...commonErrors },
    }),
    (c) => {
      requireActor(c.get("actor"));
      const row = findAction(db, c.req.valid("param").id);
      const { actor } = authorizeWithin(db, c.get("actor"), row?.networkId, "manage", "Action");
      if (!row) throw notFound("Action");
      deleteAction(deps, actor, row);
      return c.body(null, 204);
    },
  );

  return app;
}
