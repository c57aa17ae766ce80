import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { createAction, deleteAction, findAction, updateAction } from "../actions/service";
import { authorizeWithin } from "../auth/access";
import { findComment, releaseAll, setCommentStatus } from "../comments/service";
import { rounds } from "../db/schema";
import type { AppEnv, Deps } from "../lib/app-env";
import { notFound } from "../lib/errors";
import { formFields, type PageContext, page } from "../lib/pages";
import { loadRound } from "../rounds/load";
import type { RoundAccess } from "../rounds/round-model";
import { ActionUpdateForm, actionFormErrors, NewActionForm } from "./action-form";
import { type ReviewExtra, reviewModel } from "./review-model";

const NOTICES: Record<string, string> = {
  released: "Every pending comment is released: they appear in the report and the members' mirror.",
  hidden: "The comment is hidden: it appears nowhere.",
  shown: "The comment is released.",
  "action-added": "The action was recorded. The next round's report follows it up.",
  "action-updated": "The action was updated.",
  "action-deleted": "The action was deleted.",
};

const reviewUrl = (roundId: string, done: string, anchor = "") => `/rounds/${roundId}/review?done=${done}${anchor}`;

/** Reviewing a closed round: comments (release all, hide or release one), the report, and the actions agreed. */
export function reviewPages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  const roundAccess = (c: PageContext, id: string, need: "comments" | "manage") => {
    return loadRound(deps, c.get("actor"), id, need);
  };
  const show = (c: PageContext, access: RoundAccess, extra: ReviewExtra & Record<string, unknown> = {}, status: 200 | 400 = 200) =>
    page(c, views, "rounds/review", { ...reviewModel(db, access, extra), ...extra }, status);

  app.get("/rounds/:id/review", (c) => {
    const access = roundAccess(c, c.req.param("id"), "comments");
    if (access.round.status !== "closed") {
      const { round, network } = access;
      return page(
        c,
        views,
        "rounds/review-not-ready",
        {
          title: "Available when the round closes",
          round: { id: round.id, title: round.title },
          network: { id: network.id, name: network.name },
        },
        409,
      );
    }
    return show(c, access, { notice: NOTICES[c.req.query("done") ?? ""] });
  });

  app.post("/rounds/:id/comments/release", (c) => {
    const { actor, round } = roundAccess(c, c.req.param("id"), "manage");
    releaseAll(deps, actor, round);
    return c.redirect(reviewUrl(round.id, "released", "#comments-title"), 303);
  });

  for (const [verb, status, done] of [
    ["hide", "hidden", "hidden"],
    ["release", "released", "shown"],
  ] as const) {
    app.post(`/comments/:id/${verb}`, (c) => {
      const comment = findComment(db, c.req.param("id"));
      const round = comment ? db.select().from(rounds).where(eq(rounds.id, comment.roundId)).get() : undefined;
      // Whoever may not manage the network may not learn that the comment exists either.
      const { actor } = authorizeWithin(db, c.get("actor"), round?.networkId, "manage", "Comment");
      if (!comment || !round) throw notFound("Comment");
      // Access was decided above with the comment's own 404; loadRound brings its round up to date.
      setCommentStatus(deps, actor, loadRound(deps, actor, round.id, "manage").round, comment, status);
      return c.redirect(reviewUrl(round.id, done, `#comment-${comment.id}`), 303);
    });
  }

  app.post("/rounds/:id/actions", async (c) => {
    const access = roundAccess(c, c.req.param("id"), "manage");
    const fields = await formFields(c);
    const values = { title: fields.title ?? "", owner: fields.owner ?? "", due: fields.due ?? "" };
    const parsed = NewActionForm.safeParse(values);
    if (!parsed.success) return show(c, access, { values, ...actionFormErrors(parsed.error) }, 400);
    createAction(deps, access.actor, access.network.id, {
      roundId: access.round.id,
      ...parsed.data,
      owner: parsed.data.owner || undefined,
    });
    return c.redirect(reviewUrl(access.round.id, "action-added", "#actions-title"), 303);
  });

  /**
   * The action and the review page its form was on: an action carried forward is updated from a
   * later round's page, and goes back there (`from`, checked to be a closed round of its network).
   */
  const actionOnPage = (c: PageContext, from: string | undefined) => {
    const row = findAction(db, c.req.param("id") ?? "");
    authorizeWithin(db, c.get("actor"), row?.networkId, "manage", "Action");
    if (!row) throw notFound("Action");
    const page = from ? db.select().from(rounds).where(eq(rounds.id, from)).get() : undefined;
    const pageRound = page && page.networkId === row.networkId && page.status === "closed" ? page.id : row.roundId;
    return { row, access: roundAccess(c, pageRound, "manage") };
  };

  app.post("/actions/:id", async (c) => {
    const fields = await formFields(c);
    const { row, access } = actionOnPage(c, fields.from);
    const typed = { title: fields.title, owner: fields.owner, due: fields.due, status: fields.status, note: fields.note ?? "" };
    const parsed = ActionUpdateForm.safeParse(typed);
    if (!parsed.success) {
      const values = Object.fromEntries(Object.entries(typed).filter(([, v]) => v !== undefined));
      return show(c, access, { ...actionFormErrors(parsed.error, row), typed: { id: row.id, values } }, 400);
    }
    const change = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
    updateAction(deps, access.actor, row, change);
    return c.redirect(reviewUrl(access.round.id, "action-updated", `#action-${row.id}`), 303);
  });

  app.post("/actions/:id/delete", async (c) => {
    const { row, access } = actionOnPage(c, (await formFields(c)).from);
    deleteAction(deps, access.actor, row);
    return c.redirect(reviewUrl(access.round.id, "action-deleted", "#actions-title"), 303);
  });

  return app;
}
