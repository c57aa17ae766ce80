import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { type InvitationStatus, members as membersTable } from "../db/schema";
import { mailConfigured } from "../email/email-json";
import { emailStateLabel } from "../email/labels";
import { memberEmailStates } from "../email/status";
import type { AppEnv, Deps } from "../lib/app-env";
import { attachment, fileSlug, toCsv } from "../lib/csv";
import { notFound } from "../lib/errors";
import { type PageContext, page } from "../lib/pages";
import { loadRound } from "../rounds/load";
import { memberLinks } from "./link-status";
import { createInvitations, findInvitation, reissueInvitation } from "./service";

const LINK_STATUS: Record<InvitationStatus, string> = { invited: "Invited", started: "Started", submitted: "Submitted" };

/**
 * Personal links from the round page: make everyone's missing link and download them as a
 * mail-merge CSV in one step, see each member's link status, and reissue one member's link.
 * New links are in the response only: netmirror keeps their hashes, never the links.
 */
export function invitationPages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  const roundAccess = (c: PageContext) => {
    return loadRound(deps, c.get("actor"), c.req.param("id") ?? "", "manage");
  };

  app.post("/rounds/:id/invitations.csv", (c) => {
    const { actor, round } = roundAccess(c);
    const created = createInvitations(deps, actor, round, { all: true });
    if (created.length === 0) return c.redirect(`/rounds/${round.id}?done=no-new-links`, 303);
    const csv = toCsv(
      ["name", "email", "link"],
      created.map((i) => [i.name, i.email ?? "", i.url]),
    );
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(`invitations-${fileSlug(round.title, "round")}.csv`),
      // Secrets: never kept by a cache or the back-forward store.
      "Cache-Control": "no-store",
    });
  });

  app.get("/rounds/:id/links", (c) => {
    const { round, network } = roundAccess(c);
    const canReissue = round.status !== "closed";
    const links = memberLinks(db, round);
    const emailStates = memberEmailStates(db, round, links);
    const members = links.map((m) => ({
      ...m,
      emailLabel: m.email
        ? emailStateLabel(emailStates.get(m.memberId) ?? { state: "not_emailed", kind: null, number: 0 }, mailConfigured(deps.config))
        : "",
      statusLabel: m.status ? LINK_STATUS[m.status] : "No link yet",
      canReissue: canReissue && m.invitationId !== null && m.status !== "submitted",
    }));
    return page(c, views, "rounds/links", {
      title: `Members and their links · ${round.title}`,
      network: { id: network.id, name: network.name },
      round: { id: round.id, title: round.title },
      members,
      canReissue,
    });
  });

  app.post("/rounds/:id/links/:invitationId/reissue", (c) => {
    const { actor, round, network } = roundAccess(c);
    const invitation = findInvitation(db, c.req.param("invitationId"));
    // Only this round's member links: an open-link visitor's link belongs to nobody to send it to.
    if (!invitation || invitation.roundId !== round.id || !invitation.memberId) throw notFound("Invitation");
    const member = db.select().from(membersTable).where(eq(membersTable.id, invitation.memberId)).get();
    const reissued = reissueInvitation(deps, actor, round, invitation);
    c.header("Cache-Control", "no-store");
    return page(c, views, "rounds/reissued", {
      title: `New link for ${member?.name ?? "a member"}`,
      network: { id: network.id, name: network.name },
      round: { id: round.id, title: round.title },
      member: { name: member?.name ?? "the member", email: member?.email ?? null },
      url: reissued.url,
    });
  });

  return app;
}
