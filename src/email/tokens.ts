import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { emailTokens } from "../db/schema";
import type { Db } from "../lib/db";
import { seal, unseal } from "../lib/sealing";
import { emailTokenContext } from "../lib/secrets";

/** Keeps `token` sealed beside its invitation for reminders (replacing any sealed before). Call inside the transaction that made the link. */
export function keepSealedToken(db: Db, invitationId: string, token: string): void {
  const sealed = seal(db.$sealKey, Buffer.from(token, "utf8"), emailTokenContext(invitationId));
  db.insert(emailTokens).values({ invitationId, sealed }).onConflictDoUpdate({ target: emailTokens.invitationId, set: { sealed } }).run();
}

/** The token of an invitation sent by email, or null when none is kept (submitted, replaced by hand, closed) or it does not open. */
export function openSealedToken(db: Db, invitationId: string): string | null {
  const row = db.select().from(emailTokens).where(eq(emailTokens.invitationId, invitationId)).get();
  if (!row) return null;
  return unseal(db.$sealKey, row.sealed, emailTokenContext(invitationId))?.toString("utf8") ?? null;
}

/** Forgets the sealed token of an invitation (its link was handed out by hand, or it is no longer needed). */
export function forgetSealedToken(db: Db, invitationId: string): void {
  db.delete(emailTokens).where(eq(emailTokens.invitationId, invitationId)).run();
}

const mac = (db: Db, memberId: string) =>
  createHmac("sha256", db.$sealKey).update(`netmirror unsubscribe v1 ${memberId}`).digest().subarray(0, 16).toString("base64url");

/**
 * The secret part of a member's unsubscribe link: their id and a MAC with the key in SECRETS_DIR,
 * so nobody can unsubscribe someone else by guessing, and nothing needs storing.
 */
export function unsubscribeCode(db: Db, memberId: string): string {
  return `${memberId}.${mac(db, memberId)}`;
}

/** The member an unsubscribe code is for, or null when it is not one of ours. */
export function memberOfUnsubscribeCode(db: Db, code: string): string | null {
  const [memberId, given, extra] = code.split(".");
  if (!memberId || !given || extra !== undefined) return null;
  const expected = Buffer.from(mac(db, memberId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? memberId : null;
}
