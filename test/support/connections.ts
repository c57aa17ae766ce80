// Connections answers written straight into storage, as the survey's batch writer leaves them: a
// record per respondent, a level per partner ticked, a rating per partner rated from level 2 up,
// each with a random id, no link between them, and each table inserted in its own random order.
import { randomInt } from "node:crypto";
import type { ConnectionRecord, MapOrganisation } from "../../src/connections/types";
import {
  connectionLevels,
  connectionRatings,
  connectionRecords,
  organisations,
  roundOrganisations,
  type rounds,
} from "../../src/db/schema";
import type { Clock } from "../../src/lib/clock";
import type { Db } from "../../src/lib/db";
import { newId } from "../../src/lib/ids";
import { closeRound } from "../../src/rounds/lifecycle";
import { makeRound } from "./factories";
import { insertResponses, uniformResponse } from "./responses";

type Deps = { db: Db; clock: Clock };

/** A copy of `list` in a random order (Fisher–Yates with the crypto RNG). */
export function shuffled<T>(list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * The network's organisations (made unless they exist) and the round's snapshot of them, in the
 * order given. Ids are kept, so a fixture's ids can be used as they are.
 */
export function addRoundOrganisations(deps: Deps, networkId: string, roundId: string, list: MapOrganisation[]): void {
  deps.db.transaction((tx) => {
    list.forEach((org, position) => {
      tx.insert(organisations)
        .values({ id: org.id, networkId, name: org.name, type: org.type, createdAt: deps.clock.now() })
        .onConflictDoNothing()
        .run();
      tx.insert(roundOrganisations).values({ roundId, organisationId: org.id, position, name: org.name, type: org.type }).run();
    });
  });
}

/** Writes `records` the way the batch writer does: three unlinked tables, each shuffled on its own. */
export function insertConnections(deps: Deps, roundId: string, records: ConnectionRecord[]): void {
  const recordRows = records.map((record) => ({ id: newId(), roundId, organisationId: record.org }));
  const levelRows = records.flatMap((record) =>
    record.org === null
      ? []
      : record.links.map((link) => ({
          id: newId(),
          roundId,
          fromOrganisationId: record.org as string,
          toOrganisationId: link.org,
          level: link.level,
        })),
  );
  // A rating is asked only from level 2 up, and keeps nothing but the partner.
  const ratingRows = records.flatMap((record) =>
    record.org === null
      ? []
      : record.links
          .filter((link) => link.level >= 2 && (link.trust != null || link.value != null))
          .map((link) => ({ id: newId(), roundId, organisationId: link.org, trust: link.trust ?? null, value: link.value ?? null })),
  );
  deps.db.transaction((tx) => {
    const tables = shuffled([
      () => {
        for (const row of shuffled(recordRows)) tx.insert(connectionRecords).values(row).run();
      },
      () => {
        for (const row of shuffled(levelRows)) tx.insert(connectionLevels).values(row).run();
      },
      () => {
        for (const row of shuffled(ratingRows)) tx.insert(connectionRatings).values(row).run();
      },
    ]);
    for (const insert of tables) insert();
  });
}

/**
 * A round of `networkId` with the connections module that was open, received `records` (and as
 * many ordinary responses, or `responses`), and closed: its results and its map frozen.
 */
export function makeClosedMapRound(
  deps: Deps,
  networkId: string,
  input: { organisations: MapOrganisation[]; records: ConnectionRecord[]; responses?: number },
  overrides: Partial<typeof rounds.$inferInsert> = {},
) {
  const round = makeRound(deps, networkId, { status: "open", openedAt: deps.clock.now(), modules: ["connections"], ...overrides });
  addRoundOrganisations(deps, networkId, round.id, input.organisations);
  insertResponses(
    deps,
    round.id,
    Array.from({ length: input.responses ?? input.records.length }, () => uniformResponse(4)),
  );
  insertConnections(deps, round.id, input.records);
  return closeRound(deps, round, overrides.closedAt ?? undefined);
}
