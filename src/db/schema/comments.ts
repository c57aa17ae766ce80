import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { rounds } from "./rounds";

export const COMMENT_STATUSES = ["pending", "released", "hidden"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/**
 * A respondent's comment on a theme. Stored without any response id (WITHOUT ROWID too), so a
 * comment cannot be joined to the answers given beside it.
 */
export const comments = sqliteTable(
  "comments",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    theme: text("theme").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: COMMENT_STATUSES }).notNull().default("pending"),
  },
  // The review page and the report list a round's comments by theme.
  (t) => [index("comments_round_theme_idx").on(t.roundId, t.theme)],
);
