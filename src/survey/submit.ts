import type Database from "better-sqlite3";
import type { Instrument } from "../instrument";
import type { Clock } from "../lib/clock";
import { dayOf } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import { COUNT_SUBMISSION_SQL } from "../rounds/submitted";
import { LINK_MESSAGES, resolveLink, type SurveyLink } from "./link";
import type { SurveyModules } from "./module-schemas";
import { roundModules } from "./modules";
import { type Pool, poolFor } from "./pool";
import { responseSchema, type SurveyResponseInput } from "./schemas";
import type { SurveyStore } from "./store";

/**
 * The statements of one submission, prepared once per database: submitting is the hot path (a
 * meeting room answering at once), so it skips the query builder. The response itself goes into
 * the round's pending pool, sealed; nothing readable is written beside the invitation.
 */
export function prepareSubmit(client: Database.Database, pool: Pool) {
  const check = client.prepare<[string, string], { invitation: string; round: string; minResponses: number }>(
    `select i.status as invitation, r.status as round, r.min_responses as minResponses
       from invitations i join rounds r on r.id = i.round_id
      where i.id = ? and i.token_hash = ?`,
  );
  const countSubmission = client.prepare(COUNT_SUBMISSION_SQL);
  const markSubmitted = client.prepare("update invitations set status = 'submitted' where id = ?");
  const deleteDraft = client.prepare("delete from drafts where invitation_id = ?");
  // A link kept sealed for reminders is not needed once its member has answered.
  const deleteEmailToken = client.prepare("delete from email_tokens where invitation_id = ?");

  /** Stores one submission; returns its round's minResponses, the k its pool writes out by. */
  const store = (link: SurveyLink, input: SurveyResponseInput, day: string): number => {
    // Re-read inside the transaction, so a retry or a double click can never store twice, and a
    // link replaced or a round closed a moment ago is refused too.
    const now = check.get(link.invitation.id, link.invitation.tokenHash);
    if (!now) throw new AppError("not_found", LINK_MESSAGES.not_found);
    if (now.invitation === "submitted") throw new AppError("already_submitted", LINK_MESSAGES.already_submitted);
    if (now.round !== "open") throw new AppError("gone", LINK_MESSAGES.gone);

    pool.add(link.round.id, link.instrument, input);
    countSubmission.run(link.round.id, day);
    markSubmitted.run(link.invitation.id);
    deleteDraft.run(link.invitation.id);
    deleteEmailToken.run(link.invitation.id);
    // No write-out here: a batch is written after this transaction commits, in one of its own
    // (src/survey/write-out.ts), so the submission that makes a batch ready does not wait for it.
    return now.minResponses;
  };
  // IMMEDIATE takes the write lock before the re-read, so no other connection can slip in between.
  // The group commit runs `store` itself, inside a transaction of its own that is IMMEDIATE too.
  return { store, transaction: client.transaction(store).immediate, countSubmission };
}

export type SubmitStatements = ReturnType<typeof prepareSubmit>;

/**
 * Stores a response for the link `token` in one transaction: the response sealed into its round's
 * pending pool (written out later as a response, its answers and its non-empty comments, in a batch
 * of at least minResponses), the day's count, the invitation marked submitted and its draft deleted. Resolves the link itself and checks `input` against the round's instrument, so
 * it throws the link's AppError (404/409/410) or a 400 naming the field; nothing is stored then.
 *
 * @example
 * submitResponse(deps, token, { answers: { "purpose.1": 4, "purpose.2": "dont_know" }, overall: 7 });
 */
export function submitResponse(deps: { db: Db; clock: Clock; survey: SurveyStore }, token: string, input: SurveyResponseInput): void {
  const link = resolveLink(deps, token);
  const checked = parseInput(responseSchema(link.instrument, roundModules(deps.db, link.round).modules, deps.survey.schemas), input);
  const k = deps.survey.submit.transaction(link, checked, dayOf(deps.clock.now()));
  // Not on a member's path (demo data, tests): the ready batches are written at once, still in a
  // transaction of their own after the submission's commit, as the grouped path does a moment later.
  deps.survey.writer.writeNow(link.round.id, link.instrument, k);
}

/**
 * Stores responses in a round with no link involved and no pool: written at once as one batch that
 * has already left the pool, and counted on `day` (demo data, tests and benchmarks fill rounds this
 * way). Checks nothing; call inside a transaction. Prepares its statements afresh: it is not on the
 * members' path.
 */
export function writeResponses(db: Db, roundId: string, instrument: Instrument, day: string, inputs: readonly SurveyResponseInput[]): void {
  const pool = poolFor(db);
  const { countSubmission } = prepareSubmit(db.$client, pool);
  pool.writeBatch(roundId, instrument, inputs);
  for (const _ of inputs) countSubmission.run(roundId, day);
}

/** writeResponses for one response. */
export function writeResponse(db: Db, roundId: string, instrument: Instrument, day: string, input: SurveyResponseInput): void {
  writeResponses(db, roundId, instrument, day, [input]);
}

/**
 * submitResponse for many respondents at once: the same checks, rows and errors, but the response
 * shares its transaction (and fsync) with the others submitted in the same moment, each in its own
 * savepoint. Resolves once its transaction has committed; link and input errors reject before
 * anything is queued. Both survey routes (JSON and HTML) use this; the HTML one passes the round's
 * `modules`, read already for its page, to save reading them (and its organisations) again.
 */
export async function submitResponseGrouped(
  deps: { db: Db; clock: Clock; survey: SurveyStore },
  token: string,
  input: SurveyResponseInput,
  modules?: SurveyModules,
): Promise<void> {
  const link = resolveLink(deps, token);
  const checked = parseInput(
    responseSchema(link.instrument, modules ?? roundModules(deps.db, link.round).modules, deps.survey.schemas),
    input,
  );
  const day = dayOf(deps.clock.now());
  const { store } = deps.survey.submit;
  const k = await deps.survey.group.run(() => store(link, checked, day));
  // Committed: the ready batches are written after this request (and the others of its group) has
  // been answered, in a transaction of their own; if that fails, the rows wait sealed in the pool.
  deps.survey.writer.schedule(link.round.id, link.instrument, k);
}
