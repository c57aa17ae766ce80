import { createRoute, z } from "@hono/zod-openapi";
import { authorizeNetwork, authorizeWithin, requireActor } from "../auth/access";
import { apiRouter, type Deps } from "../lib/app-env";
import { notFound } from "../lib/errors";
import { commonErrors, ErrorSchema, IdParams, jsonBody, jsonResponse } from "../lib/openapi";
import { findOrganisation, listOrganisations } from "./queries";
import { CreateOrganisationSchema, DeletedOrganisationSchema, OrganisationSchema, UpdateOrganisationSchema } from "./schemas";
import { createOrganisation, deleteOrganisation, updateOrganisation } from "./service";

const tags = ["Organisations"];
const OrganisationsList = z.object({ organisations: z.array(OrganisationSchema) });
const nameConflict = {
  409: jsonResponse(ErrorSchema, "Another organisation of the network has this name (upper and lower case aside); `details` names `name`"),
};

/** A network's member organisations, which the connections module asks about. Managed like the roster. */
export function organisationRoutes(deps: Deps) {
  const { db } = deps;
  const app = apiRouter();

  /** The organisation and its network, or 404 when it does not exist or its network may not be seen. */
  const organisationAccess = (actor: Parameters<typeof requireActor>[0], id: string) => {
    requireActor(actor);
    const row = findOrganisation(db, id);
    const access = authorizeWithin(db, actor, row?.networkId, "manage", "Organisation");
    if (!row) throw notFound("Organisation");
    return { ...access, row };
  };

  app.openapi(
    createRoute({
      method: "get",
      path: "/networks/{id}/organisations",
      tags,
      request: { params: IdParams },
      responses: { 200: jsonResponse(OrganisationsList, "The network's organisations, active or not, in name order"), ...commonErrors },
    }),
    (c) => {
      const { network } = authorizeNetwork(db, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json({ organisations: listOrganisations(db, network.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/networks/{id}/organisations",
      tags,
      request: { params: IdParams, ...jsonBody(CreateOrganisationSchema) },
      responses: { 201: jsonResponse(OrganisationSchema, "Added"), ...commonErrors, ...nameConflict },
    }),
    (c) => {
      const { actor, network } = authorizeNetwork(db, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json(createOrganisation(deps, actor, network.id, c.req.valid("json")), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/organisations/{id}",
      tags,
      description: "Rename, retype, deactivate or reactivate. Rounds already opened keep the name and type they copied.",
      request: { params: IdParams, ...jsonBody(UpdateOrganisationSchema) },
      responses: { 200: jsonResponse(OrganisationSchema, "Updated"), ...commonErrors, ...nameConflict },
    }),
    (c) => {
      const { actor, row } = organisationAccess(c.get("actor"), c.req.valid("param").id);
      return c.json(updateOrganisation(deps, actor, row, c.req.valid("json")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/organisations/{id}",
      tags,
      description:
        "Deletes the organisation when no round has used it. An organisation a round used is **deactivated instead** (`result: deactivated`), so that the round's list and network map keep it.",
      request: { params: IdParams },
      responses: { 200: jsonResponse(DeletedOrganisationSchema, "Deleted, or deactivated because a round used it"), ...commonErrors },
    }),
    (c) => {
      const { actor, row } = organisationAccess(c.get("actor"), c.req.valid("param").id);
      return c.json(deleteOrganisation(deps, actor, row), 200);
    },
  );

  return app;
}
