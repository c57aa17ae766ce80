import { z } from "@hono/zod-openapi";
import { OUTBOX_STATUSES } from "../db/schema";
import { MAX_REMINDERS } from "./reminders";

export const EmailInvitationsSchema = z
  .strictObject({
    replaceLinks: z.boolean().optional().openapi({
      description:
        "Also email members whose link was handed out another way (an export): they get a new link, and their old link and any half-finished answers stop working",
    }),
  })
  .openapi("EmailInvitationsRequest");

export const EmailInvitationsResultSchema = z
  .object({
    queued: z.int(),
    replaced: z.int(),
    skipped: z.object({
      noEmail: z.int(),
      handedOut: z.int(),
      alreadyEmailed: z.int(),
      submitted: z.int(),
      unsubscribed: z.int(),
      bounced: z.int(),
    }),
  })
  .openapi("EmailInvitationsResult");

export const RemindersSchema = z
  .strictObject({
    reminders: z
      .array(z.iso.datetime({ offset: true, error: "must be a date and time with its offset, e.g. 2026-03-09T09:00:00+01:00" }))
      .max(MAX_REMINDERS, `at most ${MAX_REMINDERS} reminders`)
      .openapi({ description: `When the reminders not yet sent go; sent ones stay (at most ${MAX_REMINDERS} in all)` }),
  })
  .openapi("RemindersRequest");

const MEMBER_STATES = ["unsubscribed", "bounced", "not_emailed", "handed_out", ...OUTBOX_STATUSES] as const;

export const RoundEmailSchema = z
  .object({
    configured: z.boolean().openapi({ description: "false: no mail server (SMTP_URL); messages stay queued, unsent" }),
    paused: z.boolean().openapi({ description: "Sending stopped after the mail session failed, until an administrator resumes it" }),
    counts: z.object({ queued: z.int(), sent: z.int(), failed: z.int(), bounced: z.int(), cancelled: z.int() }),
    reminders: z.array(z.object({ number: z.int(), dueAt: z.string(), sent: z.boolean() })),
    nextReminder: z.string().nullable(),
    lastError: z.string().nullable().openapi({ description: "The most telling problem, in plain words" }),
    members: z.array(
      z.object({
        memberId: z.string(),
        state: z.enum(MEMBER_STATES),
        kind: z.enum(["invitation", "reminder"]).nullable(),
        number: z.int(),
      }),
    ),
    queuedNow: z.int().optional().openapi({ description: "After “send a reminder now”: how many reminders were queued" }),
  })
  .openapi("RoundEmail");

export const MailStatusSchema = z
  .object({
    configured: z.boolean(),
    capture: z.boolean().openapi({ description: "Demo: messages are kept for administrators to read instead of sent" }),
    paused: z.boolean(),
    pausedAt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .openapi("MailStatus");
