import type Database from "better-sqlite3";

/** Most units of work one shared transaction takes; more wait for the next one, a moment later. */
export const MAX_BATCH = 128;

/**
 * Runs small write transactions together. With `synchronous = FULL` every commit waits for an fsync;
 * a meeting room submitting at once would queue behind one fsync each. Work handed in during the
 * same turn of the event loop commits together: one transaction, one fsync.
 */
export interface GroupCommit {
  /**
   * Runs `work` (synchronous SQL on the same connection) in the next shared transaction, inside its
   * own savepoint. Resolves with its result only once that transaction has committed; rejects with
   * its own error (its writes rolled back, the others' kept) or with the commit's error (nothing kept).
   */
  run<T>(work: () => T): Promise<T>;
}

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * A group commit on `client`. Nothing waits on a timer: the batch is whatever arrived before the
 * event loop's check phase, so a lone submission commits at once and a burst shares its fsync.
 *
 * @example
 * const group = createGroupCommit(db.$client);
 * await group.run(() => insert.run(id, value)); // durable once this resolves
 */
export function createGroupCommit(client: Database.Database, maxBatch = MAX_BATCH): GroupCommit {
  let queue: Pending[] = [];
  let scheduled = false;

  // Called inside the shared transaction, better-sqlite3 turns this into SAVEPOINT … RELEASE, and
  // into ROLLBACK TO when the work throws: one failing unit cannot undo the others.
  const inSavepoint = client.transaction((work: () => unknown) => work());
  // IMMEDIATE takes the write lock before any unit reads, as a lone transaction of theirs would.
  const commitAll = client.transaction((batch: Pending[]): Outcome[] =>
    batch.map((item) => {
      try {
        return { ok: true, value: inSavepoint(item.work) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  ).immediate;

  function flush() {
    scheduled = false;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    if (queue.length > 0) schedule();
    let outcomes: Outcome[];
    try {
      outcomes = commitAll(batch);
    } catch (error) {
      // BEGIN or COMMIT failed: the whole transaction is rolled back, so nobody's work was kept.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(outcome ? outcome.error : new Error("group commit lost a unit of work"));
    });
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
  };
}
