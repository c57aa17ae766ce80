import { eq } from "drizzle-orm";
import { invitations, rounds } from "../db/schema";
import type { Lang } from "../instrument";
import type { Db } from "../lib/db";
import { hashToken } from "../lib/ids";

/** What a link says about itself whatever state it is in (closed, submitted): enough to word its pages. */
export interface LinkFacts {
  language: Lang;
  roundId: string;
  /** Made for a visitor of a shared open link rather than for a member on the roster. */
  fromOpenLink: boolean;
  closesAt: Date | null;
  /** The members' mirror, while published. */
  mirrorSlug: string | null;
}

/**
 * The facts of the round a link belongs to, whatever state the link is in, so that "this
 * temperature check has closed" or "you have already answered" reads in the round's language.
 * Undefined for a link we do not know.
 */
export function linkFacts(deps: { db: Db }, token: string): LinkFacts | undefined {
  // The same bound as resolveLink: longer strings are not our tokens and not worth a hash.
  if (token.length === 0 || token.length > 200) return undefined;
  const row = deps.db
    .select({
      language: rounds.language,
      roundId: rounds.id,
      access: rounds.access,
      memberId: invitations.memberId,
      closesAt: rounds.closesAt,
      mirrorSlug: rounds.mirrorSlug,
    })
    .from(invitations)
    .innerJoin(rounds, eq(rounds.id, invitations.roundId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .get();
  if (!row) return undefined;
  const { access, memberId, ...facts } = row;
  return { ...facts, fromOpenLink: access === "open" && memberId === null };
}

/** The language of the round a link belongs to (see linkFacts). */
export function linkLanguage(deps: { db: Db }, token: string): Lang | undefined {
  return linkFacts(deps, token)?.language;
}
