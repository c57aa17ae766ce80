import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { rounds } from "./rounds";

/** The temperature and the five themes (the instrument's THEME_CODES; a test holds the two equal). */
export const FIGURE_CODES = ["overall", "purpose", "relationships", "communication", "governance", "value"] as const;
export type FigureCode = (typeof FIGURE_CODES)[number];

/**
 * Per figure: the unrounded mean of its respondent scores, their sd and count (what Welch's test
 * against the rest of a portfolio needs), and the change since the previous round as published.
 * Score and sd are null when the figure is not shown (fewer than the threshold behind it).
 */
function figureColumns(code: FigureCode) {
  return {
    [`${code}Score`]: real(`${code}_score`),
    [`${code}Sd`]: real(`${code}_sd`),
    [`${code}N`]: integer(`${code}_n`).notNull().default(0),
    [`${code}Delta`]: real(`${code}_delta`),
    [`${code}Notable`]: integer(`${code}_notable`, { mode: "boolean" }).notNull().default(false),
  };
}

/**
 * A closed round's figures as a portfolio reads them, one row per round, written when the round's
 * results are frozen: the heatmap, averages, movers and the over-time chart of thousands of
 * networks read these columns in SQL instead of parsing each round's JSON. Never a response.
 */
export const roundFigures = sqliteTable("round_figures", {
  roundId: text("round_id")
    .primaryKey()
    .references(() => rounds.id, { onDelete: "cascade" }),
  n: integer("n").notNull(),
  // As shown: one decimal; null for an open link.
  responseRate: real("response_rate"),
  confidence: text("confidence", { enum: ["high", "moderate", "low"] }).notNull(),
  suppressed: integer("suppressed", { mode: "boolean" }).notNull(),
  ...Object.assign({}, ...FIGURE_CODES.map(figureColumns)),
});
