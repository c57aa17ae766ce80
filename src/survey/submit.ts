import type Database from "better-sqlite3";
import { DONT_KNOW, themeScoreColumns } from "../db/schema";
import { type Instrument, THEME_CODES, themeItems } from "../instrument";
import type { Clock } from "../lib/clock";
import { dayOf } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { newId } from "../lib/ids";
import { parseInput } from "../lib/validation";
import { respondentThemeScores } from "../results/scoring";
import { createGroupCommit, type GroupCommit } from "./group-commit";
import { LINK_MESSAGES, resolveLink, type SurveyLink } from "./link";
import { responseSchema, type SurveyResponseInput } from "./schemas";

/**
 * The statements of one submission, prepared once per database: submitting is the hot path (a
 * meeting room answering at once), so it skips the query builder. None of them writes a token,
 * invitation id, member id or time finer than the day next to a response.
 */
function prepare(client: Database.Database) {
  const check = client.prepare<[string, string], { invitation: string; round: string }>(
    `select i.status as invitation, r.status as round
       from invitations i join rounds r on r.id = i.round_id
      where i.id = ? and i.token_hash = ?`,
  );
  const scoreColumns = THEME_CODES.map((code) => themeScoreColumns[code].name);
  const insertResponse = client.prepare(
    `insert into responses (id, round_id, submitted_on, overall, trend, involvement, organisation_type, professional_group, ${scoreColumns.join(", ")})
     values (?, ?, ?, ?, ?, ?, ?, ?, ${scoreColumns.map(() => "?").join(", ")})`,
  );
  const insertAnswer = client.prepare("insert into answers (response_id, round_id, item_code, value) values (?, ?, ?, ?)");
  const insertComment = client.prepare("insert into comments (id, round_id, theme, text, status) values (?, ?, ?, ?, 'pending')");
  const markSubmitted = client.prepare("update invitations set status = 'submitted' where id = ?");
  const deleteDraft = client.prepare("delete from drafts where invitation_id = ?");

  /** The rows of one response: nothing here knows the link it came through. */
  const write = (roundId: string, instrument: Instrument, day: string, input: SurveyResponseInput): void => {
    const responseId = newId();
    const { profile } = input;
    const themeScores = respondentThemeScores(input.answers, themeItems(instrument));
    insertResponse.run(
      responseId,
      roundId,
      day,
      input.overall ?? null,
      input.trend ?? null,
      input.involvement ?? null,
      profile?.organisationType ?? null,
      profile?.professionalGroup ?? null,
      ...THEME_CODES.map((code) => themeScores[code] ?? null),
    );
    for (const [itemCode, value] of Object.entries(input.answers)) {
      insertAnswer.run(responseId, roundId, itemCode, value === "dont_know" ? DONT_KNOW : value);
    }
    // Comments get their own random ids and no response id: they cannot be joined to the answers.
    for (const [theme, text] of Object.entries(input.comments ?? {})) {
      const trimmed = text.trim();
      if (trimmed) insertComment.run(newId(), roundId, theme, trimmed);
    }
  };

  const store = (link: SurveyLink, input: SurveyResponseInput, day: string): void => {
    // Re-read inside the transaction, so a retry or a double click can never store twice, and a
    // link replaced or a round closed a moment ago is refused too.
    const now = check.get(link.invitation.id, link.invitation.tokenHash);
    if (!now) throw new AppError("not_found", LINK_MESSAGES.not_found);
    if (now.invitation === "submitted") throw new AppError("already_submitted", LINK_MESSAGES.already_submitted);
    if (now.round !== "open") throw new AppError("gone", LINK_MESSAGES.gone);

    write(link.round.id, link.instrument, day, input);
    markSubmitted.run(link.invitation.id);
    deleteDraft.run(link.invitation.id);
  };
  // IMMEDIATE takes the write lock before the re-read, so no other connection can slip in between.
  // The group commit runs `store` itself, inside a transaction of its own that is IMMEDIATE too.
  return { write, store, transaction: client.transaction(store).immediate };
}

const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function storeFor(client: Database.Database) {
  let store = prepared.get(client);
  if (!store) {
    store = prepare(client);
    prepared.set(client, store);
  }
  return store;
}

/**
 * Stores a response for the link `token` in one transaction: the response, its answers ("don't
 * know" as 0), its non-empty comments (trimmed, pending review), the invitation marked submitted and
 * its draft deleted. Resolves the link itself and checks `input` against the round's instrument, so
 * it throws the link's AppError (404/409/410) or a 400 naming the field; nothing is stored then.
 *
 * @example
 * submitResponse(deps, token, { answers: { "purpose.1": 4, "purpose.2": "dont_know" }, overall: 7 });
 */
export function submitResponse(deps: { db: Db; clock: Clock }, token: string, input: SurveyResponseInput): void {
  const link = resolveLink(deps, token);
  const checked = parseInput(responseSchema(link.instrument), input);
  storeFor(deps.db.$client).transaction(link, checked, dayOf(deps.clock.now()));
}

/**
 * Stores one response's rows in a round with no link involved, as a submission stores them (the
 * tests and benchmarks fill rounds this way). Checks nothing; call inside a transaction.
 */
export function writeResponse(db: Db, roundId: string, instrument: Instrument, day: string, input: SurveyResponseInput): void {
  storeFor(db.$client).write(roundId, instrument, day, input);
}

const groups = new WeakMap<Database.Database, GroupCommit>();

function groupFor(client: Database.Database): GroupCommit {
  let group = groups.get(client);
  if (!group) {
    group = createGroupCommit(client);
    groups.set(client, group);
  }
  return group;
}

/**
 * submitResponse for many respondents at once: the same checks, rows and errors, but the response
 * shares its transaction (and fsync) with the others submitted in the same moment, each in its own
 * savepoint. Resolves once its transaction has committed; link and input errors reject before
 * anything is queued. Both survey routes (JSON and HTML) use this.
 */
export async function submitResponseGrouped(deps: { db: Db; clock: Clock }, token: string, input: SurveyResponseInput): Promise<void> {
  const link = resolveLink(deps, token);
  const checked = parseInput(responseSchema(link.instrument), input);
  const day = dayOf(deps.clock.now());
  const { store } = storeFor(deps.db.$client);
  await groupFor(deps.db.$client).run(() => store(link, checked, day));
}
