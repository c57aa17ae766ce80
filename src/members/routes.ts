import { createRoute, z } from "@hono/zod-openapi";
import { authorizeNetwork } from "../auth/access";
import { apiRouter, type Deps } from "../lib/app-env";
import { commonErrors, IdParams, idString, jsonBody, jsonResponse, NoContent } from "../lib/openapi";
import { AddMembersSchema, MemberSchema } from "./schemas";
import { addMembers, listMembers, removeMember } from "./service";

const tags = ["Members"];
const MembersList = z.object({ members: z.array(MemberSchema) });

/** A network's roster. Only its facilitators (and admins) see names and emails. */
export function memberRoutes(deps: Deps) {
  const { db } = deps;
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "post",
      path: "/networks/{id}/members",
      tags,
      request: { params: IdParams, ...jsonBody(AddMembersSchema) },
      responses: { 201: jsonResponse(MembersList, "Added"), ...commonErrors },
    }),
    (c) => {
      const { actor, network } = authorizeNetwork(db, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json({ members: addMembers(deps, actor, network.id, c.req.valid("json").members) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/networks/{id}/members",
      tags,
      request: { params: IdParams },
      responses: { 200: jsonResponse(MembersList, "The roster"), ...commonErrors },
    }),
    (c) => {
      const { network } = authorizeNetwork(db, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json({ members: listMembers(db, network.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/networks/{id}/members/{memberId}",
      tags,
      request: { params: IdParams.extend({ memberId: idString }) },
      responses: { 204: NoContent, ...commonErrors },
    }),
    (c) => {
      const { id, memberId } = c.req.valid("param");
      const { actor, network } = authorizeNetwork(db, c.get("actor"), id, "manage");
      removeMember(deps, actor, network.id, memberId);
      return c.body(null, 204);
    },
  );

  return app;
}
