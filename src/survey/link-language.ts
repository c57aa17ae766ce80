import { eq } from "drizzle-orm";
import { invitations, rounds } from "../db/schema";
import type { Lang } from "../instrument";
import type { Db } from "../lib/db";
import { hashToken } from "../lib/ids";

/**
 * The language of the round a link belongs to, whatever state the link is in, so that "this
 * temperature check has closed" or "you have already answered" reads in the round's language.
 * Undefined for a link we do not know.
 */
export function linkLanguage(deps: { db: Db }, token: string): Lang | undefined {
  // The same bound as resolveLink: longer strings are not our tokens and not worth a hash.
  if (token.length === 0 || token.length > 200) return undefined;
  return deps.db
    .select({ language: rounds.language })
    .from(invitations)
    .innerJoin(rounds, eq(rounds.id, invitations.roundId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .get()?.language;
}
