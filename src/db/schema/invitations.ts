import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { members } from "./members";
import { rounds } from "./rounds";

export const INVITATION_STATUSES = ["invited", "started", "submitted"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * A personal link. It records only its status: no time and no order of use, so that nothing can
 * be matched against the (anonymous) responses.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    // Null for links handed out through an open-access link. Removing a member removes their links.
    memberId: text("member_id").references(() => members.id, { onDelete: "cascade" }),
    // SHA-256 of the token in the link; the token itself is shown once.
    tokenHash: text("token_hash").notNull().unique(),
    status: text("status", { enum: INVITATION_STATUSES }).notNull().default("invited"),
  },
  (t) => [
    // Progress counts per round, and "members without a link yet".
    index("invitations_round_member_idx").on(t.roundId, t.memberId),
  ],
);
