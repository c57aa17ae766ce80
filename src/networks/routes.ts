import { createRoute, z } from "@hono/zod-openapi";
import { authorizeNetwork, requireActor, requireGlobal } from "../auth/access";
import { apiRouter, type Deps } from "../lib/app-env";
import { commonErrors, IdParams, idString, jsonBody, jsonResponse, NoContent } from "../lib/openapi";
import { createGrant, deleteGrant, listGrants } from "./grants";
import { CreateGrantSchema, CreateNetworkSchema, GrantSchema, NetworkSchema, UpdateNetworkSchema } from "./schemas";
import { createNetwork, getNetworkView, listNetworks, updateNetwork } from "./service";

const tags = ["Networks"];

export function networkRoutes(deps: Deps) {
  const { db } = deps;
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "post",
      path: "/networks",
      tags,
      request: jsonBody(CreateNetworkSchema),
      responses: { 201: jsonResponse(NetworkSchema, "Created"), ...commonErrors },
    }),
    (c) => {
      const actor = requireGlobal(c.get("actor"), "createNetwork");
      return c.json(createNetwork(deps, actor, c.req.valid("json")), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/networks",
      tags,
      responses: { 200: jsonResponse(z.object({ networks: z.array(NetworkSchema) }), "Networks you may see"), ...commonErrors },
    }),
    (c) => {
      const actor = requireActor(c.get("actor"));
      return c.json({ networks: listNetworks(db, actor) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/networks/{id}",
      tags,
      request: { params: IdParams },
      responses: { 200: jsonResponse(NetworkSchema, "The network"), ...commonErrors },
    }),
    (c) => {
      const { actor, network } = authorizeNetwork(db, c.get("actor"), c.req.valid("param").id, "view");
      return c.json(getNetworkView(db, actor, network), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/networks/{id}",
      tags,
      request: { params: IdParams, ...jsonBody(UpdateNetworkSchema) },
      responses: { 200: jsonResponse(NetworkSchema, "Updated"), ...commonErrors },
    }),
    (c) => {
      const { actor, network } = authorizeNetwork(db, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json(updateNetwork(deps, actor, network, c.req.valid("json")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/networks/{id}/grants",
      tags,
      request: { params: IdParams, ...jsonBody(CreateGrantSchema) },
      responses: { 201: jsonResponse(GrantSchema, "Granted"), ...commonErrors },
    }),
    (c) => {
      const { actor, network } = authorizeNetwork(db, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json(createGrant(deps, actor, network.id, c.req.valid("json")), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/networks/{id}/grants",
      tags,
      request: { params: IdParams },
      responses: { 200: jsonResponse(z.object({ grants: z.array(GrantSchema) }), "Who has access"), ...commonErrors },
    }),
    (c) => {
      const { network } = authorizeNetwork(db, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json({ grants: listGrants(db, network.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/networks/{id}/grants/{grantId}",
      tags,
      request: { params: IdParams.extend({ grantId: idString }) },
      responses: { 204: NoContent, ...commonErrors },
    }),
    (c) => {
      const { id, grantId } = c.req.valid("param");
      const { actor, network } = authorizeNetwork(db, c.get("actor"), id, "manage");
      deleteGrant(deps, actor, network.id, grantId);
      return c.body(null, 204);
    },
  );

  return app;
}
