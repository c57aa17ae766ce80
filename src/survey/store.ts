import type { Db } from "../lib/db";
import { createGroupCommit, type GroupCommit } from "./group-commit";
import { type LinkLookups, prepareLinkLookups } from "./link";
import { poolFor } from "./pool";
import type { SchemaMemo } from "./schemas";
import { prepareSubmit, type SubmitStatements } from "./submit";

/**
 * What the survey keeps per database, built once by createApp: the prepared statements of the
 * members' hot path (resolving a link, submitting) and the group commit that shares one fsync
 * among submissions arriving together. A test that builds two apps gets two of each.
 */
export interface SurveyStore {
  link: LinkLookups;
  submit: SubmitStatements;
  group: GroupCommit;
  /** The answer and draft schemas of rounds with modules, built once each. */
  schemas: SchemaMemo;
}

/** The survey's statements and group commit for `db`. */
export function createSurveyStore(db: Db): SurveyStore {
  return {
    link: prepareLinkLookups(db),
    submit: prepareSubmit(db.$client, poolFor(db)),
    group: createGroupCommit(db.$client),
    schemas: new Map(),
  };
}
