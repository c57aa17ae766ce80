import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { networks } from "./networks";

export const SUPPRESSION_REASONS = ["unsubscribed", "bounced"] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/**
 * Addresses a network sends no more survey email to: the member unsubscribed, or their server
 * refused the address. Kept by address (lower-cased), so that removing and re-importing a member
 * does not start mailing them again.
 */
export const emailSuppressions = sqliteTable(
  "email_suppressions",
  {
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    reason: text("reason", { enum: SUPPRESSION_REASONS }).notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.email] })],
);
