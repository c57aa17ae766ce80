import { desc, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { RoundRow } from "../db/schema";
import { rounds } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Config } from "../lib/config";
import type { Db } from "../lib/db";
import { loadRounds } from "./load";
import { roundCounts } from "./progress";
import type { RoundCounts, RoundView } from "./schemas";

/** What reading a round needs: closing a due round takes the clock, the open link the public URL. */
export interface RoundDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, "publicUrl">;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The open link of a round, when it has one: its short code (the old long slug only for rounds made before codes). */
export function openUrlOf(config: Pick<Config, "publicUrl">, row: RoundRow): string | null {
  const code = row.openCode ?? row.openSlug;
  return row.access === "open" && code ? `${config.publicUrl}/o/${code}` : null;
}

/** A round as the API shows it. Pure: pass a row that went through `loadRound`. */
export function roundView(config: Pick<Config, "publicUrl">, row: RoundRow, counts: RoundCounts): RoundView {
  return {
    id: row.id,
    networkId: row.networkId,
    title: row.title,
    instrument: { id: row.instrumentId, version: row.instrumentVersion },
    status: row.status,
    access: row.access,
    language: row.language,
    minResponses: row.minResponses,
    closesAt: iso(row.closesAt),
    openedAt: iso(row.openedAt),
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
    openUrl: openUrlOf(config, row),
    modules: row.modules,
    counts,
  };
}

/** One round with its counts, as handed over: from loadRound (closed first if it was due) or just written. */
export function getRoundView(deps: RoundDeps, current: RoundRow): RoundView {
  const counts = roundCounts(deps.db, [current.id]).get(current.id) ?? { invited: 0, started: 0, submitted: 0 };
  return roundView(deps.config, current, counts);
}

/** A network's rounds (one `actor` may see), newest first, each as it stands now (see loadRounds). */
export function listRounds(deps: RoundDeps, actor: Actor | null, networkId: string): RoundView[] {
  const read = deps.db.select().from(rounds).where(eq(rounds.networkId, networkId)).orderBy(desc(rounds.createdAt), desc(rounds.id)).all();
  const rows = loadRounds(deps, actor, read);
  const counts = roundCounts(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => roundView(deps.config, row, counts.get(row.id) ?? { invited: 0, started: 0, submitted: 0 }));
}
export type { RoundRow } from "../db/schema";
