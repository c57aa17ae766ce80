import { blob, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { rounds } from "./rounds";

/**
 * Submitted responses waiting to be written as ordinary rows, k (the round's minResponses) at a time
 * (src/survey/pool.ts). Each is sealed with the key in SECRETS_DIR and padded to one fixed size, so
 * that a copy of the data files says nothing of what, or how much, anyone answered. Whoever can see
 * which invitation went with which row still cannot read it; once written, it is one of at least k.
 */
export const pendingResponses = sqliteTable(
  "pending_responses",
  {
    id: integer("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    // nonce (12 bytes) + AES-256-GCM ciphertext of the padded response + tag (16 bytes)
    sealed: blob("sealed", { mode: "buffer" }).notNull(),
  },
  // How many of a round are waiting, and which, on every submission and at close.
  (t) => [index("pending_responses_round_idx").on(t.roundId)],
);
