import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { networks } from "./networks";

export const ROUND_STATUSES = ["draft", "open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const ACCESS_MODES = ["invite", "open"] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];
/** The optional parts a round may add after the themes: the network map's questions, the maturity matrix. */
export const ROUND_MODULES = ["connections", "maturity"] as const;
export type RoundModule = (typeof ROUND_MODULES)[number];

export const rounds = sqliteTable(
  "rounds",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    instrumentId: text("instrument_id").notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    status: text("status", { enum: ROUND_STATUSES }).notNull().default("draft"),
    access: text("access", { enum: ACCESS_MODES }).notNull().default("invite"),
    language: text("language", { enum: ["en", "nl"] })
      .notNull()
      .default("en"),
    minResponses: integer("min_responses").notNull().default(5),
    closesAt: integer("closes_at", { mode: "timestamp_ms" }),
    openedAt: integer("opened_at", { mode: "timestamp_ms" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    // The public part of an open-access link (/o/<code>), 8 characters to type from a poster (see
    // rounds/open-code.ts); not a secret of any one member.
    openCode: text("open_code").unique(),
    // The 22-character open link of rounds made before codes: links and posters already handed out
    // with it keep working. New rounds get only a code.
    openSlug: text("open_slug").unique(),
    // The members' mirror (/m/<slug>), set while published.
    mirrorSlug: text("mirror_slug").unique(),
    // The optional modules the round asks after the themes (ROUND_MODULES), chosen at creation.
    modules: text("modules", { mode: "json" }).$type<RoundModule[]>().notNull().default([]),
  },
  (t) => [
    // A network's rounds, newest first; change looks up the previous closed round.
    index("rounds_network_idx").on(t.networkId, t.closedAt),
    // Auto-closing finds open rounds past their closing time.
    index("rounds_status_closes_idx").on(t.status, t.closesAt),
  ],
);

/** A round as stored. */
export type RoundRow = typeof rounds.$inferSelect;
