import { hkdfSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { drafts, invitations } from "../db/schema";
import type { Instrument } from "../instrument";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { seal, unseal } from "../lib/sealing";
import { LINK_MESSAGES, type SurveyLink } from "./link";
import type { SurveyModules } from "./module-schemas";
import { roundModules } from "./modules";
import { decodePayload, encodePayload, SEALED_BYTES, V1_SEALED_BYTES } from "./payload";
import { draftSchema, type SurveyDraft } from "./schemas";
import type { SurveyStore } from "./store";

/** Drafts sealed at one fixed size (v2) and, before that, as JSON of their own length (v1). */
const INFO = { fixed: "netmirror draft v2", json: "netmirror draft v1" } as const;

/**
 * The draft key, derived from the link's token, which the server never stores: only someone holding
 * the link can read the draft. The invitation id as salt gives every draft its own key.
 */
function draftKey(token: string, invitationId: string, info: string): Buffer {
  return Buffer.from(hkdfSync("sha256", token, invitationId, info, 32));
}

/**
 * Encrypts a draft with AES-256-GCM under a key derived from the token (HKDF-SHA256, salt =
 * invitation id), padded first to the size of the largest possible response: every sealed draft is
 * SEALED_BYTES long, so its size says nothing of what (or how much) the member wrote.
 *
 * @example
 * const sealed = sealDraft(token, invitation.id, instrument, { answers: { "purpose.1": 4 } });
 */
export function sealDraft(token: string, invitationId: string, instrument: Instrument, draft: SurveyDraft): Buffer {
  return seal(draftKey(token, invitationId, INFO.fixed), encodePayload(instrument, draft), "");
}

/**
 * Decrypts a sealed draft; null when the token is wrong or the bytes were altered. Drafts saved
 * before drafts had one size (JSON, v1) still open, so that nobody loses half-finished answers;
 * saving again seals them at the fixed size.
 */
export function openDraft(token: string, invitationId: string, instrument: Instrument, sealed: Buffer): SurveyDraft | null {
  // Fixed-size drafts sealed before rounds had modules are smaller by the modules' block; they open too.
  if (sealed.length === SEALED_BYTES || sealed.length === V1_SEALED_BYTES) {
    const plain = unseal(draftKey(token, invitationId, INFO.fixed), sealed, "");
    if (plain) return decodePayload(instrument, plain);
  }
  const json = unseal(draftKey(token, invitationId, INFO.json), sealed, "");
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json.toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as SurveyDraft) : null;
  } catch {
    return null;
  }
}

type Deps = { db: Db; clock: Clock; survey: Pick<SurveyStore, "schemas"> };

/**
 * The saved draft of a link, checked against the round's instrument and modules; null if none (or
 * unreadable). Pass `modules` when the request has read them already: they cost a query.
 */
export function loadDraft(deps: Deps, link: SurveyLink, token: string, modules?: SurveyModules): SurveyDraft | null {
  const row = deps.db.select({ sealed: drafts.sealed }).from(drafts).where(eq(drafts.invitationId, link.invitation.id)).get();
  if (!row) return null;
  const draft = openDraft(token, link.invitation.id, link.instrument, row.sealed);
  if (!draft) return null;
  const checked = draftSchema(link.instrument, modules ?? roundModules(deps.db, link.round).modules, deps.survey.schemas).safeParse(draft);
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
  const sealed = sealDraft(token, invitationId, link.instrument, draft);
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
