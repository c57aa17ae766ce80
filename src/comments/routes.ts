import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { authorizeWithin, requireActor } from "../auth/access";
import { rounds } from "../db/schema";
import { apiRouter, type Deps } from "../lib/app-env";
import { notFound } from "../lib/errors";
import { commonErrors, IdParams, jsonResponse } from "../lib/openapi";
import { loadRound } from "../rounds/load";
import { findComment, listComments, releaseAll, setCommentStatus } from "./service";

const tags = ["Comments"];
const CommentSchema = z
  .object({ id: z.string(), theme: z.string(), text: z.string(), status: z.enum(["pending", "released", "hidden"]) })
  .openapi("Comment");
const CommentList = z.object({ comments: z.array(CommentSchema) });
const conflict = {
  409: jsonResponse(
    z.object({ error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }) }),
    "The round is still open, or suppressed",
  ),
};

/** The facilitator's review of members' comments. Commissioners never see comments. */
export function commentRoutes(deps: Deps) {
  const { db } = deps;
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "get",
      path: "/rounds/{id}/comments",
      tags,
      request: { params: IdParams },
      responses: { 200: jsonResponse(CommentList, "Every comment with its status"), ...commonErrors, ...conflict },
    }),
    (c) => {
      const { round } = loadRound(deps, c.get("actor"), c.req.valid("param").id, "comments");
      return c.json({ comments: listComments(db, round) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/rounds/{id}/comments/release",
      tags,
      request: { params: IdParams },
      responses: { 200: jsonResponse(CommentList, "All pending comments released"), ...commonErrors, ...conflict },
    }),
    (c) => {
      const { actor, round } = loadRound(deps, c.get("actor"), c.req.valid("param").id, "manage");
      return c.json({ comments: releaseAll(deps, actor, round) }, 200);
    },
  );

  for (const [verb, status] of [
    ["hide", "hidden"],
    ["release", "released"],
  ] as const) {
    app.openapi(
      createRoute({
        method: "post",
        path: `/comments/{id}/${verb}`,
        tags,
        request: { params: IdParams },
        responses: { 200: jsonResponse(CommentSchema, `The comment, ${status}`), ...commonErrors, ...conflict },
      }),
      (c) => {
        requireActor(c.get("actor"));
        const comment = findComment(db, c.req.valid("param").id);
        const round = comment ? db.select().from(rounds).where(eq(rounds.id, comment.roundId)).get() : undefined;
        const { actor } = authorizeWithin(db, c.get("actor"), round?.networkId, "manage", "Comment");
        if (!comment || !round) throw notFound("Comment");
        return c.json(setCommentStatus(deps, actor, round, comment, status), 200);
      },
    );
  }

  return app;
}
