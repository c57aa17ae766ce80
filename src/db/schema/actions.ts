import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { networks } from "./networks";
import { rounds } from "./rounds";

export const ACTION_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Something the network agreed to do at the meeting where a round's report was discussed. */
export const actions = sqliteTable(
  "actions",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    owner: text("owner"),
    due: text("due"),
    status: text("status", { enum: ACTION_STATUSES }).notNull().default("open"),
    note: text("note"),
    // When it was marked done or dropped (null while open): a report lists those closed since the last round.
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  // The report lists the network's actions of this round and of the rounds before it.
  (t) => [index("actions_network_round_idx").on(t.networkId, t.roundId)],
);
