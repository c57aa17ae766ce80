import { eq } from "drizzle-orm";
import { members, networks } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { suppressAddress } from "./outbox";
import { memberOfUnsubscribeCode } from "./tokens";

export interface UnsubscribeTarget {
  networkName: string;
  networkId: string;
  email: string;
}

/** Whose unsubscribe link `code` is, or null when it is not one of ours (or its member is gone). */
export function unsubscribeTarget(db: Db, code: string): UnsubscribeTarget | null {
  const memberId = memberOfUnsubscribeCode(db, code);
  if (!memberId) return null;
  const found = db
    .select({ email: members.email, networkId: networks.id, networkName: networks.name })
    .from(members)
    .innerJoin(networks, eq(networks.id, members.networkId))
    .where(eq(members.id, memberId))
    .get();
  return found?.email ? { email: found.email, networkId: found.networkId, networkName: found.networkName } : null;
}

/** Stops the network's survey email to the member's address (the facilitator sees "unsubscribed"). */
export function unsubscribe(deps: { db: Db; clock: Clock }, target: UnsubscribeTarget): void {
  suppressAddress(deps.db, deps.clock, target.networkId, target.email, "unsubscribed");
}
