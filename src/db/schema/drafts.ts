import { blob, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { invitations } from "./invitations";

/**
 * A half-finished survey, encrypted with a key derived from the link's token (which we do not
 * keep): nobody can read it without the link. Deleted on submission and when the round closes.
 */
export const drafts = sqliteTable("drafts", {
  invitationId: text("invitation_id")
    .primaryKey()
    .references(() => invitations.id, { onDelete: "cascade" }),
  // nonce (12 bytes) + AES-256-GCM ciphertext + tag (16 bytes)
  sealed: blob("sealed", { mode: "buffer" }).notNull(),
});
