import { Hono } from "hono";
import { requireGlobal } from "../auth/access";
import type { AppEnv, Deps } from "../lib/app-env";
import { notFound } from "../lib/errors";
import { type PageContext, page } from "../lib/pages";
import { mailStatusView } from "./email-json";
import { resumeOutbox } from "./pause";

/**
 * Administrators' outbox page: is mail configured, is sending paused and why (resume it here), and
 * in the demo (MAIL_CAPTURE=1) every captured message exactly as a member would receive it.
 */
export function adminMailPages(deps: Deps) {
  const { views } = deps;
  const app = new Hono<AppEnv>();
  const captured = () => deps.mail?.captured ?? null;

  const admin = (c: PageContext) => requireGlobal(c.get("actor"), "manageMail");

  app.get("/admin/mail", (c) => {
    admin(c);
    const status = mailStatusView(deps);
    const list = captured()?.list() ?? [];
    return page(c, views, "admin/mail", {
      title: "Email",
      status,
      notice: c.req.query("done") === "resumed" ? "Sending resumed: queued messages go out again." : undefined,
      capture: deps.config.mail.capture,
      messages: list.map((m) => ({ number: m.number, to: m.to, subject: m.subject, from: `${m.from.name} <${m.from.address}>` })),
    });
  });

  app.post("/admin/mail/resume", (c) => {
    admin(c);
    resumeOutbox(deps.db);
    return c.redirect("/admin/mail?done=resumed", 303);
  });

  app.get("/admin/mail/messages/:number", (c) => {
    admin(c);
    const message = captured()?.get(Number(c.req.param("number")));
    if (!message) throw notFound("Message");
    c.header("Cache-Control", "no-store");
    return page(c, views, "admin/mail-message", {
      title: message.subject,
      message: {
        ...message,
        from: `${message.from.name} <${message.from.address}>`,
        headers: Object.entries(message.headers).map(([name, value]) => ({ name, value })),
      },
    });
  });

  app.get("/admin/mail/messages/:number/html", (c) => {
    admin(c);
    const message = captured()?.get(Number(c.req.param("number")));
    if (!message) throw notFound("Message");
    c.header("Cache-Control", "no-store");
    // The message's own HTML (built by us, members' names escaped): shown sandboxed, its inline styles allowed, nothing else.
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'");
    return c.html(message.html);
  });

  return app;
}
