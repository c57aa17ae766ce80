import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../auth/access";
import { apiRouter, type Deps } from "../lib/app-env";
import { attachment, fileSlug, toCsv } from "../lib/csv";
import { AppError, notFound } from "../lib/errors";
import { commonErrors, ErrorSchema, IdParams, jsonBody, jsonResponse } from "../lib/openapi";
import { loadRound } from "../rounds/load";
import { CreateInvitationsSchema, InvitationListSchema, InvitationSchema, type NewInvitation } from "./schemas";
import { createInvitations, findInvitation, reissueInvitation } from "./service";

const tags = ["Invitations"];
const conflict = { 409: jsonResponse(ErrorSchema, "The round is closed, uses an open link, or the link was used") };

/** The mail-merge file: one row per new link, for the facilitator's own mail program. */
function mailMerge(invitations: NewInvitation[]): string {
  return toCsv(
    ["name", "email", "link"],
    invitations.map((i) => [i.name, i.email ?? "", i.url]),
  );
}

/** Personal links: made once per member per round, shown once, reissued when lost. */
export function invitationRoutes(deps: Deps) {
  const { db } = deps;
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "post",
      path: "/rounds/{id}/invitations",
      tags,
      description: "Send `Accept: text/csv` to get the same new links as a mail-merge CSV (name, email, link).",
      request: { params: IdParams, ...jsonBody(CreateInvitationsSchema) },
      responses: {
        201: {
          description: "Links made now (members who already had one are left out)",
          content: { "application/json": { schema: InvitationListSchema }, "text/csv": { schema: z.string() } },
        },
        ...commonErrors,
        ...conflict,
      },
    }),
    (c) => {
      const { actor, round } = loadRound(deps, c.get("actor"), c.req.valid("param").id, "manage");
      const created = createInvitations(deps, actor, round, c.req.valid("json"));
      if ((c.req.header("Accept") ?? "").includes("text/csv")) {
        return c.body(mailMerge(created), 201, {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": attachment(`invitations-${fileSlug(round.title, "round")}.csv`),
          "Cache-Control": "no-store",
        });
      }
      const invitations = created.map(({ id, memberId, url }) => ({ id, memberId, url }));
      c.header("Cache-Control", "no-store");
      return c.json({ invitations }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/invitations/{id}/reissue",
      tags,
      request: { params: IdParams },
      responses: { 201: jsonResponse(InvitationSchema, "A new link; the old one no longer works"), ...commonErrors, ...conflict },
    }),
    (c) => {
      const actor = requireActor(c.get("actor"));
      const invitation = findInvitation(db, c.req.valid("param").id);
      if (!invitation) throw notFound("Invitation");
      let access: ReturnType<typeof loadRound>;
      try {
        access = loadRound(deps, actor, invitation.roundId, "manage");
      } catch (err) {
        // Whoever may not see the round may not learn that this invitation exists either.
        if (err instanceof AppError && err.code === "not_found") throw notFound("Invitation");
        throw err;
      }
      c.header("Cache-Control", "no-store");
      return c.json(reissueInvitation(deps, access.actor, access.round, invitation), 201);
    },
  );

  return app;
}
