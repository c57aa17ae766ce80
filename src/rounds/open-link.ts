import { eq } from "drizzle-orm";
import { type RoundRow, rounds } from "../db/schema";
import type { Db } from "../lib/db";
import type { RateLimit } from "../lib/rate-limit";
import { normaliseOpenCode } from "./open-code";

/**
 * Visits and first saves per client address per window. A whole meeting room (or hospital) often
 * reaches us from one public address, and everyone scans the slide's QR code within the same
 * minute or two: 600 in ten minutes lets a room of a few hundred in (with retries) while still
 * stopping a script that mints links in bulk.
 */
export const OPEN_LINK_LIMIT: RateLimit = { max: 600, windowSeconds: 600 };

/**
 * The open-access round of an open link, by its short code (as typed from a poster: any case) or
 * by the 22-character slug of links handed out before codes existed. Undefined for anything else,
 * including an invite-only round.
 */
export function findOpenRound(db: Db, typed: string): RoundRow | undefined {
  const code = normaliseOpenCode(typed);
  const row = code
    ? db.select().from(rounds).where(eq(rounds.openCode, code)).get()
    : typed.length === 22
      ? db.select().from(rounds).where(eq(rounds.openSlug, typed)).get()
      : undefined;
  return row?.access === "open" ? row : undefined;
}
