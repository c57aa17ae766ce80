import type { KeyObject } from "node:crypto";
import type Database from "better-sqlite3";
import type { RoundRow } from "../db/schema";
import { getInstrument, type Instrument } from "../instrument";
import type { Db } from "../lib/db";
import { seal, unseal } from "../lib/sealing";
import { pendingContext } from "../lib/secrets";
import { submittedCount } from "../rounds/submitted";
import { prepareBatch, shuffle } from "./batch";
import { decodePayload, encodePayload } from "./payload";
import type { SurveyResponseInput } from "./schemas";

// The pending pool. A submission commits its invitation's status together with its response
// sealed (src/lib/sealing.ts, key from SECRETS_DIR) at one fixed size. Whoever copies the data
// files can see which invitation added which sealed row, but not read it. Responses leave the pool
// k = the round's minResponses at a time, chosen at random, only while at least 2k wait (so at
// least k always stay behind), and all the rest when the round closes: every batch written holds at
// least k responses, and a response can be narrowed down to no fewer than k members.

function preparePool(client: Database.Database, key: KeyObject) {
  const writeBatch = prepareBatch(client);
  const insert = client.prepare<[string, Buffer]>("insert into pending_responses (round_id, sealed) values (?, ?)");
  const countOf = client.prepare<[string], number>("select count(*) from pending_responses where round_id = ?").pluck();
  const idsOf = client.prepare<[string], number>("select id from pending_responses where round_id = ?").pluck();
  const sealedOf = client.prepare<[number], Buffer>("select sealed from pending_responses where id = ?").pluck();
  const remove = client.prepare<[number]>("delete from pending_responses where id = ?");

  /** Opens the pending rows `ids` of a round, deletes them and writes them as one batch. */
  const writeOut = (roundId: string, instrument: Instrument, ids: number[]): void => {
    const inputs = ids.map((id) => {
      const plain = unseal(key, sealedOf.get(id) ?? Buffer.alloc(0), pendingContext(roundId));
      const input = plain && decodePayload(instrument, plain);
      if (!input) throw new Error(`Pending response ${id} of round ${roundId} does not open with the key in SECRETS_DIR`);
      remove.run(id);
      return { answers: {}, ...input } as SurveyResponseInput;
    });
    writeBatch(roundId, instrument, inputs);
  };

  return {
    /** Seals a checked response into the pool of its round. */
    add(roundId: string, instrument: Instrument, input: SurveyResponseInput): void {
      insert.run(roundId, seal(key, encodePayload(instrument, input), pendingContext(roundId)));
    },
    /** Writes batches of k random pending responses while at least 2k wait; returns how many it wrote. */
    flushReady(roundId: string, instrument: Instrument, k: number): number {
      if ((countOf.get(roundId) ?? 0) < 2 * k) return 0;
      const ids = idsOf.all(roundId);
      let written = 0;
      while (ids.length >= 2 * k) {
        writeOut(roundId, instrument, shuffle(ids).splice(0, k));
        written += k;
      }
      return written;
    },
    /** Writes every pending response of a round as one batch; returns how many. */
    flushAll(roundId: string, instrument: Instrument): number {
      const ids = idsOf.all(roundId);
      if (ids.length > 0) writeOut(roundId, instrument, ids);
      return ids.length;
    },
    writeBatch,
  };
}

export type Pool = ReturnType<typeof preparePool>;

/**
 * The pool's statements for a database, prepared afresh: submitting (the hot path) uses the ones
 * the app prepared once in its SurveyStore; closing a round and tests call this.
 */
export function poolFor(db: Db): Pool {
  return preparePool(db.$client, db.$sealKey);
}

function instrumentOf(round: RoundRow): Instrument {
  const instrument = getInstrument(round.instrumentId, round.instrumentVersion);
  if (!instrument) throw new Error(`Round ${round.id} uses an unknown instrument ${round.instrumentId} v${round.instrumentVersion}`);
  return instrument;
}

/**
 * Empties a closing round's pool, inside the closing transaction. With at least minResponses
 * submitted, the rest are written as one last batch (at least k, as the pool always keeps k back).
 * With fewer, the round can never show anything derived from answers: its pending responses, and
 * any answers, comments, maturity marks and connections answers written directly, are deleted;
 * only its counts remain.
 */
export function emptyPoolAtClose(db: Db, round: RoundRow): void {
  if (submittedCount(db, round.id) >= round.minResponses) {
    poolFor(db).flushAll(round.id, instrumentOf(round));
    return;
  }
  // Responses last: answers and maturity marks reference them.
  const tables = [
    "pending_responses",
    "answers",
    "comments",
    "maturity_answers",
    "connection_records",
    "connection_levels",
    "connection_ratings",
    "responses",
  ];
  for (const table of tables) {
    db.$client.prepare(`delete from ${table} where round_id = ?`).run(round.id);
  }
}
