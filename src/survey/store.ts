import type { Db } from "../lib/db";
import { createLogger, type Logger } from "../lib/logger";
import { createGroupCommit, type GroupCommit } from "./group-commit";
import { type LinkLookups, prepareLinkLookups } from "./link";
import { poolFor } from "./pool";
import type { SchemaMemo } from "./schemas";
import { prepareSubmit, type SubmitStatements } from "./submit";
import { createPoolWriter, type PoolWriter } from "./write-out";

/**
 * What the survey keeps per database, built once by createApp: the prepared statements of the
 * members' hot path (resolving a link, submitting) and the group commit that shares one fsync
 * among submissions arriving together. A test that builds two apps gets two of each.
 */
export interface SurveyStore {
  link: LinkLookups;
  submit: SubmitStatements;
  group: GroupCommit;
  /** Writes the pending pool's ready batches after the submissions that filled them are answered. */
  writer: PoolWriter;
  /** The answer and draft schemas of rounds with modules, built once each. */
  schemas: SchemaMemo;
}

/** The survey's statements and group commit for `db`; `logger` hears of a write-out that failed. */
export function createSurveyStore(db: Db, logger: Pick<Logger, "error"> = createLogger("error")): SurveyStore {
  const pool = poolFor(db);
  return {
    link: prepareLinkLookups(db),
    submit: prepareSubmit(db.$client, pool),
    group: createGroupCommit(db.$client),
    writer: createPoolWriter(db.$client, pool, logger),
    schemas: new Map(),
  };
}
