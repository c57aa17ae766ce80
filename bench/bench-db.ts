// A throwaway database for the in-process sections, made exactly as the server makes its own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { networks, rounds } from "../src/db/schema";
import { type Db, openDatabase } from "../src/lib/db";
import { DB_FILE } from "./open-round";

export interface BenchDb {
  db: Db;
  dir: string;
  close(): void;
}

/** A migrated database in a fresh temporary directory (WAL, synchronous=FULL, as in production). */
export function benchDb(name: string): BenchDb {
  const dir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const db = openDatabase(join(dir, DB_FILE));
  return {
    db,
    dir,
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A round and its network as the verbs take them. */
export function roundAndNetwork(db: Db, roundId: string) {
  const round = db.select().from(rounds).where(eq(rounds.id, roundId)).get();
  const network = round && db.select().from(networks).where(eq(networks.id, round.networkId)).get();
  if (!round || !network) throw new Error(`round ${roundId} not found`);
  return { round, network };
}
