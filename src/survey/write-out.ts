import type Database from "better-sqlite3";
import type { Instrument } from "../instrument";
import type { Logger } from "../lib/logger";
import type { Pool } from "./pool";

/**
 * Writes ready batches out of the pending pool after the submissions that made them ready have
 * been answered, instead of inside their transaction: a member's 201 waits for their own commit
 * (one sealed row, the invitation, the day's count), never for k responses being opened and written.
 *
 * The anonymity rules are the pool's and do not change: flushReady still writes k random pending
 * responses only while at least 2k wait, in a transaction of its own, so what the files show is a
 * batch appearing a moment after some submission, as before it appeared in the same commit. A crash
 * or a failed write-out between the two loses nothing: the rows stay sealed in the pool and are
 * written by the next write-out of their round or by flushAll when it closes.
 */
export interface PoolWriter {
  /** Writes out `roundId`'s ready batches once the current turn of the event loop is over. */
  schedule(roundId: string, instrument: Instrument, k: number): void;
  /** Writes out `roundId`'s ready batches now, in a transaction of its own; returns how many. */
  writeNow(roundId: string, instrument: Instrument, k: number): number;
  /** Resolves once no write-out is waiting (tests and shutdown use it). */
  idle(): Promise<void>;
}

/** A pool writer on `client`; a failed write-out is logged and its rows stay in the pool. */
export function createPoolWriter(client: Database.Database, pool: Pool, logger: Pick<Logger, "error">): PoolWriter {
  // IMMEDIATE like every write here: the write lock before the pool is counted.
  const writeNow = client.transaction((roundId: string, instrument: Instrument, k: number) =>
    pool.flushReady(roundId, instrument, k),
  ).immediate;
  // One write-out per round however many of its submissions arrived in the same turn.
  const waiting = new Map<string, { instrument: Instrument; k: number }>();
  let done: Promise<void> = Promise.resolve();
  let finish = () => {};

  function run() {
    const rounds = [...waiting];
    waiting.clear();
    for (const [roundId, { instrument, k }] of rounds) {
      try {
        writeNow(roundId, instrument, k);
      } catch (error) {
        // Rolled back: the pending rows are as they were, still sealed, for the next write-out or the close.
        logger.error("writing out pending responses failed; they stay sealed in the pool", {
          roundId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    finish();
  }

  return {
    schedule(roundId, instrument, k) {
      if (waiting.size === 0) {
        done = new Promise((resolve) => {
          finish = resolve;
        });
        // setImmediate queued from a request's continuation runs in the next check phase: after the
        // group commit has resolved every waiting submission and their responses have been sent.
        setImmediate(run);
      }
      waiting.set(roundId, { instrument, k });
    },
    writeNow,
    idle: () => done,
  };
}
