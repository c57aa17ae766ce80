import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const STAGES = ["forming", "developing", "established", "renewing"] as const;
export type Stage = (typeof STAGES)[number];

export const networks = sqliteTable("networks", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  stage: text("stage", { enum: STAGES }).notNull().default("forming"),
  // IANA zone every date and time of the network is shown and typed in (checked against Intl's list).
  timeZone: text("time_zone").notNull().default("Europe/London"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

/** A network as stored. */
export type NetworkRow = typeof networks.$inferSelect;
