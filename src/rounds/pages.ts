import { Hono } from "hono";
import { z } from "zod";
import { authorizeNetwork } from "../auth/access";
import { emailNotice } from "../email/notices";
import { invitationPages } from "../invitations/pages";
import type { AppEnv, Deps } from "../lib/app-env";
import { AppError } from "../lib/errors";
import { formatterFor } from "../lib/format";
import { formErrors, formFields, type PageContext, page, signedInActor, zodFormErrors } from "../lib/pages";
import { zonedDateTime } from "../lib/zoned-time";
import { networkPageModel } from "../networks/network-model";
import { closingField, createRoundForm, ROUND_FORM_LABELS, roundValuesFrom } from "./create-form";
import { loadRound } from "./load";
import { networkRoundsSection } from "./network-rounds-model";
import { posterPages } from "./poster-pages";
import { roundProgress } from "./progress";
import { type RoundAccess, roundPageModel } from "./round-model";
import { closeRoundNow, createRound, openRound, updateRound } from "./service";

const NOTICES: Record<string, string> = {
  created: "The round was created as a draft. Check the details, then open it.",
  opened: "The round is open: members can answer now.",
  closing: "The closing date was saved.",
  closed: "The round is closed and its results are computed.",
  "no-new-links": "Everyone on the roster already had a link, so there was nothing new to download.",
  "mirror-published": "The members' mirror is published. Share its link with the members.",
  "mirror-unpublished": "The members' mirror is unpublished: its link no longer works.",
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A refusal of a verb a person can act on (conflict or a named field), as the form's error. */
function asFormError(err: unknown, field: string) {
  if (!(err instanceof AppError) || (err.code !== "conflict" && err.code !== "invalid_input")) throw err;
  const detail = err.details?.[0];
  // Field messages read after the label ("must be in the future"); others are whole sentences.
  const message = !detail
    ? err.message.replace("closesAt", "closing date")
    : detail.message.startsWith("must")
      ? `${ROUND_FORM_LABELS.closesAt} ${detail.message}`
      : capitalise(detail.message);
  return {
    status: err.code === "conflict" ? (409 as const) : (400 as const),
    errors: formErrors([{ field: detail?.field ?? field, message }]),
  };
}

/** The facilitator's round pages: create (from the network page), view, open, extend and close. */
export function roundPages(deps: Deps) {
  const { db, views, clock } = deps;
  const app = new Hono<AppEnv>();

  /** The round as it stands now (a due round closes first), with access decided by access.ts. */
  const roundAccess = (c: PageContext, need: "view" | "manage") => {
    return loadRound(deps, c.get("actor"), c.req.param("id") ?? "", need);
  };
  const show = (c: PageContext, access: RoundAccess, extra: Record<string, unknown> = {}, status: 200 | 400 | 409 = 200) =>
    page(c, views, "rounds/round", { ...roundPageModel(deps, access), ...extra }, status);

  app.post("/networks/:id/rounds", async (c) => {
    const actor = signedInActor(c);
    const { network, relation } = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    const values = roundValuesFrom(await formFields(c), clock.now(), network.timeZone);
    const refuse = (errors: ReturnType<typeof formErrors>, status: 400 | 409) =>
      page(
        c,
        views,
        "network",
        { ...networkPageModel(deps, actor, network, relation), ...networkRoundsSection(deps, actor, network, true, values), ...errors },
        status,
      );
    const parsed = createRoundForm(network.timeZone).safeParse(values);
    if (!parsed.success) return refuse(zodFormErrors(parsed.error, ROUND_FORM_LABELS), 400);
    try {
      const round = createRound(deps, actor, network.id, parsed.data);
      return c.redirect(`/rounds/${round.id}?done=created`, 303);
    } catch (err) {
      const refused = asFormError(err, "closesAt");
      return refuse(refused.errors, refused.status);
    }
  });

  app.get("/rounds/:id", (c) => {
    return show(c, roundAccess(c, "view"), { notice: NOTICES[c.req.query("done") ?? ""] ?? emailNotice((k) => c.req.query(k)) });
  });

  app.post("/rounds/:id/open", (c) => {
    const access = roundAccess(c, "manage");
    try {
      openRound(deps, access.actor, access.round);
    } catch (err) {
      const refused = asFormError(err, "controls-title");
      return show(c, access, refused.errors, refused.status);
    }
    return c.redirect(`/rounds/${access.round.id}?done=opened`, 303);
  });

  app.post("/rounds/:id/extend", async (c) => {
    const access = roundAccess(c, "manage");
    const fields = await formFields(c);
    const parsed = z.object({ closesAt: closingField(access.network.timeZone) }).safeParse({ closesAt: fields.closesAt ?? "" });
    const values = { closesAt: fields.closesAt ?? "" };
    if (!parsed.success) return show(c, access, { values, ...zodFormErrors(parsed.error, ROUND_FORM_LABELS) }, 400);
    try {
      // An empty field removes the closing date: the round is then closed by hand.
      updateRound(deps, access.actor, access.round, { closesAt: parsed.data.closesAt ?? null });
    } catch (err) {
      const refused = asFormError(err, "closesAt");
      return show(c, access, { values, ...refused.errors }, refused.status);
    }
    return c.redirect(`/rounds/${access.round.id}?done=closing`, 303);
  });

  // No JavaScript confirm(): closing, which is final, asks on a page of its own.
  app.get("/rounds/:id/close", (c) => {
    const { round, network } = roundAccess(c, "manage");
    if (round.status !== "open") return c.redirect(`/rounds/${round.id}`, 303);
    const { submitted } = roundProgress(db, round);
    const fmt = formatterFor("en");
    return page(c, views, "rounds/close", {
      title: `Close ${round.title}`,
      network: { id: network.id, name: network.name },
      round: { id: round.id, title: round.title },
      closes: round.closesAt ? zonedDateTime(round.closesAt, network.timeZone) : null,
      submitted: fmt.count(submitted),
      threshold: fmt.count(round.minResponses),
      belowThreshold: submitted < round.minResponses,
    });
  });

  app.post("/rounds/:id/close", (c) => {
    const access = roundAccess(c, "manage");
    try {
      closeRoundNow(deps, access.actor, access.round);
    } catch (err) {
      const refused = asFormError(err, "controls-title");
      return show(c, access, refused.errors, refused.status);
    }
    return c.redirect(`/rounds/${access.round.id}?done=closed`, 303);
  });

  app.route("/", invitationPages(deps));
  app.route("/", posterPages(deps));
  return app;
}
