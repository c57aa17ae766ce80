import { createRoute } from "@hono/zod-openapi";
import { requireGlobal } from "../auth/access";
import type { Actor } from "../auth/actor";
import { apiRouter, type Deps } from "../lib/app-env";
import { commonErrors, ErrorSchema, IdParams, jsonBody, jsonResponse } from "../lib/openapi";
import { loadRound } from "../rounds/load";
import { mailStatusView, roundEmailView } from "./email-json";
import { resumeOutbox } from "./pause";
import { sendReminderNow, setReminders } from "./reminders";
import { EmailInvitationsResultSchema, EmailInvitationsSchema, MailStatusSchema, RemindersSchema, RoundEmailSchema } from "./schemas";
import { emailInvitations } from "./service";

const tags = ["Email"];
const conflict = { 409: jsonResponse(ErrorSchema, "The round is not open, uses an open link, or has sent all its reminders") };

/** Invitations and reminders by email: queue, schedule, follow; the outbox for administrators. */
export function emailRoutes(deps: Deps) {
  const app = apiRouter();
  const manage = (actor: Actor | null, id: string) => loadRound(deps, actor, id, "manage");

  app.openapi(
    createRoute({
      method: "get",
      path: "/rounds/{id}/email",
      tags,
      request: { params: IdParams },
      responses: {
        200: jsonResponse(RoundEmailSchema, "Counts, reminders, the last problem and each member's email state"),
        ...commonErrors,
      },
    }),
    (c) => {
      const { round } = manage(c.get("actor"), c.req.valid("param").id);
      return c.json(roundEmailView(deps, round), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/rounds/{id}/email/invitations",
      tags,
      description: "Queues an invitation with a personal link for each member with an email address who has none yet.",
      request: { params: IdParams, ...jsonBody(EmailInvitationsSchema) },
      responses: {
        200: jsonResponse(EmailInvitationsResultSchema, "How many were queued, and who was skipped and why"),
        ...commonErrors,
        ...conflict,
      },
    }),
    (c) => {
      const { actor, round } = manage(c.get("actor"), c.req.valid("param").id);
      return c.json(emailInvitations(deps, actor, round, c.req.valid("json")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/rounds/{id}/email/reminders",
      tags,
      request: { params: IdParams, ...jsonBody(RemindersSchema) },
      responses: { 200: jsonResponse(RoundEmailSchema, "The round's email with its new reminders"), ...commonErrors, ...conflict },
    }),
    (c) => {
      const { actor, round } = manage(c.get("actor"), c.req.valid("param").id);
      setReminders(
        deps,
        actor,
        round,
        c.req.valid("json").reminders.map((d) => new Date(d)),
      );
      return c.json(roundEmailView(deps, round), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/rounds/{id}/email/reminders/now",
      tags,
      description: "Sends the next reminder now (bringing the next scheduled one forward) to members who have not answered.",
      request: { params: IdParams },
      responses: {
        200: jsonResponse(RoundEmailSchema, "The round's email, with how many reminders were queued"),
        ...commonErrors,
        ...conflict,
      },
    }),
    (c) => {
      const { actor, round } = manage(c.get("actor"), c.req.valid("param").id);
      const queuedNow = sendReminderNow(deps, actor, round);
      return c.json({ ...roundEmailView(deps, round), queuedNow }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/mail",
      tags,
      responses: {
        200: jsonResponse(MailStatusSchema, "Whether mail is configured, and whether sending is paused and why"),
        ...commonErrors,
      },
    }),
    (c) => {
      requireGlobal(c.get("actor"), "manageMail");
      return c.json(mailStatusView(deps), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/mail/resume",
      tags,
      description: "Resumes sending after a failure of the mail session was fixed.",
      responses: { 200: jsonResponse(MailStatusSchema, "The outbox, sending again"), ...commonErrors },
    }),
    (c) => {
      requireGlobal(c.get("actor"), "manageMail");
      resumeOutbox(deps.db);
      return c.json(mailStatusView(deps), 200);
    },
  );

  return app;
}
