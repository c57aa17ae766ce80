import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { drafts, invitations } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { LINK_MESSAGES, type SurveyLink } from "./link";
import { draftSchema, type SurveyDraft } from "./schemas";

const INFO = "netmirror draft v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The draft key, derived from the link's token, which the server never stores: only someone holding
 * the link can read the draft. The invitation id as salt gives every draft its own key.
 */
function draftKey(token: string, invitationId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", token, invitationId, INFO, 32));
}

/**
 * Encrypts a draft with AES-256-GCM under a key derived from the token (HKDF-SHA256, salt =
 * invitation id). Returns nonce | ciphertext | tag.
 *
 * @example
 * const sealed = sealDraft(token, invitation.id, { answers: { "purpose.1": 4 } });
 */
export function sealDraft(token: string, invitationId: string, draft: SurveyDraft): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", draftKey(token, invitationId), nonce);
  const body = Buffer.concat([cipher.update(JSON.stringify(draft), "utf8"), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Decrypts a sealed draft; null when the token is wrong, the bytes were altered or it is not a JSON object. */
export function openDraft(token: string, invitationId: string, sealed: Buffer): SurveyDraft | null {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", draftKey(token, invitationId), sealed.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
    const value: unknown = JSON.parse(plain.toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as SurveyDraft) : null;
  } catch {
    return null;
  }
}

type Deps = { db: Db; clock: Clock };

/** The saved draft of a link, checked against the round's instrument; null if none (or unreadable). */
export function loadDraft(deps: Deps, link: SurveyLink, token: string): SurveyDraft | null {
  const row = deps.db.select({ sealed: drafts.sealed }).from(drafts).where(eq(drafts.invitationId, link.invitation.id)).get();
  if (!row) return null;
  const draft = openDraft(token, link.invitation.id, row.sealed);
  if (!draft) return null;
  const checked = draftSchema(link.instrument).safeParse(draft);
  return checked.success ? checked.data : null;
}

/** True when a draft rates at least one statement: what makes an invitation "started". */
export function hasAnswer(draft: SurveyDraft): boolean {
  return Object.keys(draft.answers ?? {}).length > 0;
}

/**
 * Replaces the saved draft of a link. The first draft holding an answer marks the invitation
 * "started" (never a GET: mail scanners open links). Status only moves forward.
 */
export function saveDraft(deps: Deps, link: SurveyLink, token: string, draft: SurveyDraft): void {
  const invitationId = link.invitation.id;
  const sealed = sealDraft(token, invitationId, draft);
  deps.db.transaction((tx) => {
    // Re-read inside the transaction: a draft must never outlive (or follow) a submission.
    const current = tx.select({ status: invitations.status }).from(invitations).where(eq(invitations.id, invitationId)).get();
    if (!current) throw new AppError("not_found", LINK_MESSAGES.not_found);
    if (current.status === "submitted") throw new AppError("already_submitted", LINK_MESSAGES.already_submitted);
    tx.insert(drafts).values({ invitationId, sealed }).onConflictDoUpdate({ target: drafts.invitationId, set: { sealed } }).run();
    if (hasAnswer(draft) && current.status === "invited") {
      tx.update(invitations).set({ status: "started" }).where(eq(invitations.id, invitationId)).run();
    }
  });
}
