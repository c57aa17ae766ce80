import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import { type InvitationStatus, invitations, members } from "../db/schema";
import type { Db } from "../lib/db";

export interface MemberLink {
  memberId: string;
  name: string;
  email: string | null;
  /** The member's link in this round, or null when none was made yet. */
  invitationId: string | null;
  status: InvitationStatus | null;
}

/**
 * Every member of the round's network with the status of their link in the round (status only:
 * a link records no time and no order of use). Ordered by name, like the roster.
 */
export function memberLinks(db: Db, round: { id: string; networkId: string }): MemberLink[] {
  return db
    .select({
      memberId: members.id,
      name: members.name,
      email: members.email,
      invitationId: invitations.id,
      status: invitations.status,
    })
    .from(members)
    .leftJoin(invitations, and(eq(invitations.memberId, members.id), eq(invitations.roundId, round.id)))
    .where(eq(members.networkId, round.networkId))
    .orderBy(asc(members.name), asc(members.id))
    .all();
}

/** How many of the network's members have a link in the round, of how many on the roster. */
export function linkCoverage(db: Db, round: { id: string; networkId: string }): { roster: number; withLink: number } {
  const roster = db.select({ n: count() }).from(members).where(eq(members.networkId, round.networkId)).get()?.n ?? 0;
  const withLink =
    db
      .select({ n: count() })
      .from(invitations)
      .where(and(eq(invitations.roundId, round.id), isNotNull(invitations.memberId)))
      .get()?.n ?? 0;
  return { roster, withLink };
}
