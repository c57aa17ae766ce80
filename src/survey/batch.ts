import { randomInt } from "node:crypto";
import type Database from "better-sqlite3";
import { DONT_KNOW, themeScoreColumns } from "../db/schema";
import { type Instrument, THEME_CODES, themeItems } from "../instrument";
import { newId } from "../lib/ids";
import { respondentThemeScores } from "../results/scoring";
import { connectionRows, maturityRows } from "./batch-modules";
import type { SurveyResponseInput } from "./schemas";

type Row = unknown[];

/** `list` in a uniformly random order (Fisher–Yates with the crypto RNG), in place. */
export function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

/**
 * The statements that write responses as ordinary rows, prepared once per connection. None of them
 * writes a token, invitation, member or time next to a response.
 */
export function prepareBatch(client: Database.Database) {
  const scoreColumns = THEME_CODES.map((code) => themeScoreColumns[code].name);
  const insertResponse = client.prepare(
    `insert into responses (id, round_id, overall, trend, involvement, organisation_type, professional_group, ${scoreColumns.join(", ")})
     values (?, ?, ?, ?, ?, ?, ?, ${scoreColumns.map(() => "?").join(", ")})`,
  );
  const insertAnswer = client.prepare("insert into answers (response_id, round_id, item_code, value) values (?, ?, ?, ?)");
  const insertComment = client.prepare("insert into comments (id, round_id, theme, text, status) values (?, ?, ?, ?, 'pending')");
  const insertMaturity = client.prepare(
    "insert into maturity_answers (response_id, round_id, dimension, current, target) values (?, ?, ?, ?, ?)",
  );
  const insertRecord = client.prepare("insert into connection_records (id, round_id, organisation_id) values (?, ?, ?)");
  const insertLevel = client.prepare(
    "insert into connection_levels (id, round_id, from_organisation_id, to_organisation_id, level) values (?, ?, ?, ?, ?)",
  );
  const insertRating = client.prepare(
    "insert into connection_ratings (id, round_id, organisation_id, trust, value) values (?, ?, ?, ?, ?)",
  );
  const organisationsOf = client
    .prepare<[string], [number, string]>("select position, organisation_id from round_organisations where round_id = ?")
    .raw();

  /**
   * Writes `inputs` (checked responses of one round) as responses, answers, comments and maturity
   * marks, and the connections answers as records, levels and ratings that share no id with the
   * response or with each other. Each table gets its rows in its own random order: SQLite places
   * cells in a page in the order they arrive, so neither the order of responses nor the order
   * across tables joins a comment to its answers, a rating to its level, or says who answered
   * first. Call inside a transaction.
   */
  return (roundId: string, instrument: Instrument, inputs: readonly SurveyResponseInput[]): void => {
    const responses: Row[] = [];
    const answers: Row[] = [];
    const comments: Row[] = [];
    const maturity: Row[] = [];
    const connections = { records: [] as Row[], levels: [] as Row[], ratings: [] as Row[] };
    const items = themeItems(instrument);
    const organisations = new Map(inputs.some((input) => input.connections) ? organisationsOf.all(roundId) : []);
    for (const input of inputs) {
      const id = newId();
      const { profile } = input;
      const scores = respondentThemeScores(input.answers, items);
      responses.push([
        id,
        roundId,
        input.overall ?? null,
        input.trend ?? null,
        input.involvement ?? null,
        profile?.organisationType ?? null,
        profile?.professionalGroup ?? null,
        ...THEME_CODES.map((code) => scores[code] ?? null),
      ]);
      for (const [itemCode, value] of Object.entries(input.answers)) {
        answers.push([id, roundId, itemCode, value === "dont_know" ? DONT_KNOW : value]);
      }
      // Comments get their own random ids and no response id: they cannot be joined to the answers.
      for (const [theme, text] of Object.entries(input.comments ?? {})) {
        const trimmed = text.trim();
        if (trimmed) comments.push([newId(), roundId, theme, trimmed]);
      }
      maturity.push(...maturityRows(id, roundId, input.maturity));
      const rows = connectionRows(roundId, organisations, input.connections);
      connections.records.push(...rows.records);
      connections.levels.push(...rows.levels);
      connections.ratings.push(...rows.ratings);
    }
    for (const row of shuffle(responses)) insertResponse.run(...row);
    for (const row of shuffle(answers)) insertAnswer.run(...row);
    for (const row of shuffle(comments)) insertComment.run(...row);
    for (const row of shuffle(maturity)) insertMaturity.run(...row);
    for (const row of shuffle(connections.records)) insertRecord.run(...row);
    for (const row of shuffle(connections.levels)) insertLevel.run(...row);
    for (const row of shuffle(connections.ratings)) insertRating.run(...row);
  };
}
