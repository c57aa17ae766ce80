import { desc, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { NetworkRow } from "../db/schema";
import { rounds } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { formatterFor } from "../lib/format";
import { zonedDateTime } from "../lib/zoned-time";
import { countActiveOrganisations } from "../organisations/queries";
import { frozenSummary } from "../results/frozen";
import { defaultRoundValues, type RoundFormValues, roundFormModel } from "./create-form";
import { SHORT_STATUS } from "./labels";
import { loadRounds } from "./load";
import { percent, roundCounts } from "./progress";

const fmt = formatterFor("en");

/**
 * The response rate a list shows: a closed round's as its results give it (frozen when it closed),
 * an open round's as it stands. Open-link rounds have none (nobody counts who saw the link).
 */
function rateOf(db: Db, row: typeof rounds.$inferSelect, submitted: number, invited: number): string {
  if (row.access === "open") return "Open link";
  const rate = row.status === "closed" ? (frozenSummary(db, row.id)?.responseRate ?? null) : percent(submitted, invited);
  return rate === null ? "–" : fmt.percent(rate);
}

/**
 * The rounds part of the network page: every round, newest first, with status, dates and response
 * rate; and for managers the create-round form (suggested values, or what was typed after an error).
 * Dates and times are in the network's time zone.
 * @example { ...networkRoundsSection(deps, actor, network, canManage) }
 */
export function networkRoundsSection(
  deps: { db: Db; clock: Clock },
  actor: Actor | null,
  network: NetworkRow,
  canManage: boolean,
  typed?: RoundFormValues,
) {
  const { db, clock } = deps;
  const zone = network.timeZone;
  const dates = formatterFor("en", zone);
  const read = db.select().from(rounds).where(eq(rounds.networkId, network.id)).orderBy(desc(rounds.createdAt), desc(rounds.id)).all();
  // The few past their closing time go through loadRound (closed there); the others as read.
  const rows = loadRounds({ db, clock }, actor, read);
  const counts = roundCounts(
    db,
    rows.map((r) => r.id),
  );
  return {
    rounds: rows.map((row) => {
      const c = counts.get(row.id) ?? { invited: 0, started: 0, submitted: 0 };
      return {
        id: row.id,
        title: row.title,
        status: row.status,
        statusLabel: SHORT_STATUS[row.status],
        opened: row.openedAt ? dates.date(row.openedAt) : null,
        closes: row.status !== "closed" && row.closesAt ? zonedDateTime(row.closesAt, zone) : null,
        closed: row.closedAt ? dates.date(row.closedAt) : null,
        submitted: fmt.count(c.submitted),
        rate: rateOf(db, row, c.submitted, c.invited),
      };
    }),
    roundForm: canManage
      ? roundFormModel(typed ?? defaultRoundValues(clock.now(), zone), zone, clock.now(), countActiveOrganisations(db, network.id))
      : null,
  };
}
