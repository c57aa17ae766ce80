import { blob, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { invitations } from "./invitations";

/**
 * The token of a link sent by email, sealed with the key in SECRETS_DIR, so that a reminder can carry
 * the same link (invitations keep only its hash). Kept only while the round is open and the member
 * has not submitted; deleted on submission, when the link is replaced by hand and at close.
 */
export const emailTokens = sqliteTable("email_tokens", {
  invitationId: text("invitation_id")
    .primaryKey()
    .references(() => invitations.id, { onDelete: "cascade" }),
  // nonce (12 bytes) + AES-256-GCM ciphertext of the token + tag (16 bytes)
  sealed: blob("sealed", { mode: "buffer" }).notNull(),
});
