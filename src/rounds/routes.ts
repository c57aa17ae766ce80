import { createRoute, z } from "@hono/zod-openapi";
import { authorizeNetwork } from "../auth/access";
import { apiRouter, type Deps } from "../lib/app-env";
import { commonErrors, ErrorSchema, IdParams, jsonBody, jsonResponse } from "../lib/openapi";
import { loadRound } from "./load";
import { roundProgress } from "./progress";
import { getRoundView, listRounds } from "./round-json";
import { CreateRoundSchema, ProgressSchema, RoundSchema, UpdateRoundSchema } from "./schemas";
import { closeRoundNow, createRound, openRound, updateRound } from "./service";

const tags = ["Rounds"];
const conflict = { 409: jsonResponse(ErrorSchema, "Not possible in the round's current status") };

/** Rounds (temperature checks): create, change, open, close, read and follow progress. */
export function roundRoutes(deps: Deps) {
  const { db } = deps;
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "post",
      path: "/networks/{id}/rounds",
      tags,
      request: { params: IdParams, ...jsonBody(CreateRoundSchema) },
      responses: { 201: jsonResponse(RoundSchema, "Created, as a draft"), ...commonErrors },
    }),
    (c) => {
      const { actor, network } = authorizeNetwork(db, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json(createRound(deps, actor, network.id, c.req.valid("json")), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/networks/{id}/rounds",
      tags,
      request: { params: IdParams },
      responses: { 200: jsonResponse(z.object({ rounds: z.array(RoundSchema) }), "The network's rounds, newest first"), ...commonErrors },
    }),
    (c) => {
      const { network } = authorizeNetwork(db, c.get("actor"), c.req.valid("param").id, "view");
      return c.json({ rounds: listRounds(deps, c.get("actor"), network.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/rounds/{id}",
      tags,
      request: { params: IdParams },
      responses: { 200: jsonResponse(RoundSchema, "The round"), ...commonErrors },
    }),
    (c) => {
      const { round } = loadRound(deps, c.get("actor"), c.req.valid("param").id, "view");
      return c.json(getRoundView(deps, round), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/rounds/{id}",
      tags,
      request: { params: IdParams, ...jsonBody(UpdateRoundSchema) },
      responses: { 200: jsonResponse(RoundSchema, "Updated"), ...commonErrors, ...conflict },
    }),
    (c) => {
      const { actor, round } = loadRound(deps, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json(updateRound(deps, actor, round, c.req.valid("json")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/rounds/{id}/open",
      tags,
      description:
        "Opens a draft round. A round with the `connections` module copies the network's active organisations into the round as it opens (in name order; later changes to the network's list do not reach it), and answers 409 when fewer than 3 or more than 100 are active.",
      request: { params: IdParams },
      responses: { 200: jsonResponse(RoundSchema, "Opened"), ...commonErrors, ...conflict },
    }),
    (c) => {
      const { actor, round } = loadRound(deps, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json(openRound(deps, actor, round), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/rounds/{id}/close",
      tags,
      request: { params: IdParams },
      responses: { 200: jsonResponse(RoundSchema, "Closed; results are frozen"), ...commonErrors, ...conflict },
    }),
    (c) => {
      const { actor, round } = loadRound(deps, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json(closeRoundNow(deps, actor, round), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/rounds/{id}/progress",
      tags,
      request: { params: IdParams },
      responses: { 200: jsonResponse(ProgressSchema, "Invited, started, submitted and responses per day"), ...commonErrors },
    }),
    (c) => {
      const { round } = loadRound(deps, c.get("actor"), c.req.valid("param").id, "view");
      return c.json(roundProgress(db, round), 200);
    },
  );

  return app;
}
