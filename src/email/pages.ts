import { Hono } from "hono";
import type { AppEnv, Deps } from "../lib/app-env";
import { AppError } from "../lib/errors";
import { formErrors, formFields, type PageContext } from "../lib/pages";
import { zonedLocalToIso } from "../lib/zoned-time";
import { loadRound } from "../rounds/load";
import { roundPageModel } from "../rounds/round-model";
import { adminMailPages } from "./admin-pages";
import { MAX_REMINDERS, sendReminderNow, setReminders } from "./reminders";
import { emailInvitations } from "./service";

/** The round page's email forms and the administrators' outbox page (the unsubscribe page is a member's: unsubscribe-pages.ts). */
export function emailPages(deps: Deps) {
  const { views } = deps;
  const app = new Hono<AppEnv>();
  const manage = (c: PageContext) => loadRound(deps, c.get("actor"), c.req.param("id") ?? "", "manage");

  /** The round page again, with a refusal the facilitator can act on. */
  const refuse = (c: PageContext, access: ReturnType<typeof manage>, errors: ReturnType<typeof formErrors>, status: 400 | 409) =>
    c.html(views.render("rounds/round", { actor: c.get("actor"), ...roundPageModel(deps, access), ...errors }), status);
  const refusal = (err: unknown, field: string) => {
    if (!(err instanceof AppError) || (err.code !== "conflict" && err.code !== "invalid_input")) throw err;
    const detail = err.details?.[0];
    return {
      status: err.code === "conflict" ? (409 as const) : (400 as const),
      // Field messages read after a subject ("must be in the future"); others are whole sentences.
      errors: formErrors([
        {
          field: detail ? field : "email-title",
          message: detail ? `This reminder ${detail.message.replace(/^at most/, "can be one of at most")}` : err.message,
        },
      ]),
    };
  };

  app.post("/rounds/:id/email/invitations", async (c) => {
    const access = manage(c);
    const fields = await formFields(c);
    try {
      const result = emailInvitations(deps, access.actor, access.round, { replaceLinks: fields.replaceLinks === "on" });
      return c.redirect(
        `/rounds/${access.round.id}?email=invited&queued=${result.queued}&handedOut=${result.skipped.handedOut}#email-title`,
        303,
      );
    } catch (err) {
      const refused = refusal(err, "email-title");
      return refuse(c, access, refused.errors, refused.status);
    }
  });

  app.post("/rounds/:id/email/reminders", async (c) => {
    const access = manage(c);
    const fields = await formFields(c);
    const zone = access.network.timeZone;
    const problems: { field: string; message: string }[] = [];
    const dates: Date[] = [];
    const names: string[] = [];
    for (let i = 1; i <= MAX_REMINDERS; i++) {
      const value = (fields[`reminder${i}`] ?? "").trim();
      if (!value) continue;
      const iso = zonedLocalToIso(value, zone);
      if (!iso) problems.push({ field: `reminder${i}`, message: `Reminder ${i} must be a date and time, e.g. 09/03/2026 09:00` });
      else {
        dates.push(new Date(iso));
        names.push(`reminder${i}`);
      }
    }
    if (problems.length > 0) return refuse(c, access, formErrors(problems), 400);
    try {
      setReminders(deps, access.actor, access.round, dates);
    } catch (err) {
      // "reminders.1" names the second date given: point at its field.
      const index = err instanceof AppError ? Number(String(err.details?.[0]?.field ?? "").split(".")[1]) : Number.NaN;
      const refused = refusal(err, Number.isInteger(index) ? (names[index] ?? "reminder1") : "reminder1");
      return refuse(c, access, refused.errors, refused.status);
    }
    return c.redirect(`/rounds/${access.round.id}?email=schedule#email-title`, 303);
  });

  app.post("/rounds/:id/email/reminders/now", (c) => {
    const access = manage(c);
    try {
      const queued = sendReminderNow(deps, access.actor, access.round);
      return c.redirect(`/rounds/${access.round.id}?email=reminded&queued=${queued}#email-title`, 303);
    } catch (err) {
      const refused = refusal(err, "email-title");
      return refuse(c, access, refused.errors, refused.status);
    }
  });

  app.route("/", adminMailPages(deps));
  return app;
}
