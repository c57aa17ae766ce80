// An open invite round with many personal links, written straight into a database file before the
// server that will serve it starts: handing out 70,000 links through the API would take minutes.
import { join } from "node:path";
import type { Db } from "../src/lib/db";
import { openDatabase } from "../src/lib/db";
import { hashToken, newId, newToken } from "../src/lib/ids";

export const DB_FILE = "netmirror.db";

/**
 * The server's environment for a database in `dataDir`: its key beside the folder (never inside it,
 * and never the repository's ./secrets). Remove `${dataDir}-secrets` with the folder afterwards.
 */
export function serverDirs(dataDir: string): { DATA_DIR: string; SECRETS_DIR: string } {
  return { DATA_DIR: dataDir, SECRETS_DIR: `${dataDir}-secrets` };
}

/** Inserts a network and an open round of `core` v1 into `db`; returns the round id. */
export function insertOpenRound(db: Db, now = Date.now()): string {
  const client = db.$client;
  const networkId = newId();
  const roundId = newId();
  client.prepare("insert into networks (id, name, stage, created_at) values (?, ?, 'developing', ?)").run(networkId, "Bench network", now);
  client
    .prepare(
      `insert into rounds (id, network_id, title, instrument_id, instrument_version, status, min_responses, opened_at, created_at)
       values (?, ?, 'Bench round', 'core', 1, 'open', 5, ?, ?)`,
    )
    .run(roundId, networkId, now, now);
  return roundId;
}

/**
 * Creates `dataDir/netmirror.db` (migrated, with the server's pragmas) holding an open round and
 * `links` invitations; returns their tokens, which only the bench knows (the database keeps hashes).
 */
export function seedOpenRound(dataDir: string, links: number): { roundId: string; tokens: string[] } {
  const db = openDatabase(join(dataDir, DB_FILE));
  try {
    const roundId = insertOpenRound(db);
    const insert = db.$client.prepare(
      "insert into invitations (id, round_id, member_id, token_hash, status) values (?, ?, null, ?, 'invited')",
    );
    const tokens = Array.from({ length: links }, () => newToken());
    db.$client.transaction(() => {
      for (const token of tokens) insert.run(newId(), roundId, hashToken(token));
    })();
    return { roundId, tokens };
  } finally {
    db.$client.close();
  }
}
