import { eq } from "drizzle-orm";
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { rounds } from "../db/schema";
import type { Lang } from "../instrument";
import { createOpenInvitation } from "../invitations/service";
import type { AppEnv, Deps } from "../lib/app-env";
import { clientAddress } from "../lib/client-address";
import type { PageContext } from "../lib/pages";
import { createRateLimiter, type RateLimit } from "../lib/rate-limit";
import { currentRound } from "./lifecycle";

/**
 * Visits per client address per window. A whole meeting room (or hospital) often reaches us from
 * one public address, and everyone scans the slide's QR code within the same minute or two: 600 in
 * ten minutes lets a room of several hundred in (with retries) while still stopping a script that
 * mints links in bulk.
 */
export const OPEN_LINK_LIMIT: RateLimit = { max: 600, windowSeconds: 600 };

const TEXT = {
  en: {
    draft: ["This survey has not started yet", "The link is right, but the survey is not open yet. Please try again later."],
    closed: ["This survey has closed", "Thank you for your interest. This temperature check is closed and takes no more answers."],
    busy: ["Please wait a moment", "Many people opened this link from your network just now. Please try again in {n} minutes."],
  },
  nl: {
    draft: ["Deze vragenlijst is nog niet begonnen", "De link klopt, maar de vragenlijst is nog niet open. Probeer het later opnieuw."],
    closed: [
      "Deze vragenlijst is gesloten",
      "Dank voor uw interesse. Deze temperatuurmeting is gesloten en neemt geen antwoorden meer aan.",
    ],
    busy: ["Een moment geduld", "Veel mensen in uw netwerk openden deze link net. Probeer het over {n} minuten opnieuw."],
  },
} as const satisfies Record<Lang, Record<string, readonly [string, string]>>;

export interface OpenLinkOptions {
  /** Overrides OPEN_LINK_LIMIT (tests use a small one). */
  limit?: RateLimit;
}

/** `GET /o/:slug`: an open-access round's shared link, handing each visitor a fresh personal link. */
export function openLinkPages(deps: Deps, options: OpenLinkOptions = {}) {
  const { db, views, config } = deps;
  const limiter = createRateLimiter(deps.clock, options.limit ?? OPEN_LINK_LIMIT);
  const app = new Hono<AppEnv>();

  const notice = (c: PageContext, lang: Lang, key: keyof (typeof TEXT)["en"], status: ContentfulStatusCode, n = 0) => {
    const [title, message] = TEXT[lang][key];
    c.header("Cache-Control", "no-store");
    return c.html(views.render("open-link", { title, message: message.replace("{n}", String(n)), lang }), status);
  };

  app.get("/o/:slug", (c) => {
    const row = db
      .select()
      .from(rounds)
      .where(eq(rounds.openSlug, c.req.param("slug")))
      .get();
    const allowed = limiter.limit(clientAddress(c, config));
    if (!allowed.ok) {
      c.header("Retry-After", String(allowed.retryAfterSeconds));
      return notice(c, row?.language ?? "en", "busy", 429, Math.ceil(allowed.retryAfterSeconds / 60));
    }
    if (row?.access !== "open") {
      const requestId = c.get("requestId") ?? "unknown";
      return c.html(views.render("error", { title: "This link does not exist", status: 404, requestId }), 404);
    }
    const round = currentRound(deps, row);
    if (round.status === "draft") return notice(c, round.language, "draft", 404);
    if (round.status === "closed") return notice(c, round.language, "closed", 410);
    const token = createOpenInvitation(deps, round.id);
    c.header("Cache-Control", "no-store");
    return c.redirect(`/s/${token}`, 303);
  });

  return app;
}
