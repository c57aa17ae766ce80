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

const TYPES = ["hospital", "primary_care", "community", "care_home", "mental_health", "social_care", "voluntary"];

/**
 * A seeded network of `n` organisations with `perOrganisation` respondents each (by default 1 to 4,
 * as in a real network where large organisations answer more): each respondent ticks a few partners,
 * with a chance that falls with distance in a ring (so there are clusters, brokers and a few
 * isolates), levels 1–4 and ratings from level 2 up. Same seed, same network.
 */
export function syntheticNetwork(n: number, perOrganisation?: number, seed = 7) {
  let state = seed;
  const next = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  const organisations: MapOrganisation[] = Array.from({ length: n }, (_, i) => ({
    id: `org-${String(i).padStart(3, "0")}`,
    name: `${["North", "South", "East", "West", "Valley", "Hill"][i % 6]} ${TYPES[i % TYPES.length]?.replace("_", " ")} ${i + 1}`,
    type: TYPES[i % TYPES.length] ?? "other",
  }));
  const records: ConnectionRecord[] = [];
  // The last two answer nothing about partners: isolates unless someone names them.
  organisations.forEach((org, i) => {
    const respondents = perOrganisation ?? 1 + ((i * 7) % 4);
    for (let r = 0; r < respondents; r++) {
      const links: ConnectionRecord["links"] = [];
      if (i < n - 2)
        organisations.forEach((partner, j) => {
          const distance = Math.min(Math.abs(i - j), n - Math.abs(i - j));
          if (j === i || j >= n - 2 || next() > 0.6 / distance ** 1.2) return;
          const level = (1 + Math.floor(next() * 4)) as 1 | 2 | 3 | 4;
          const rating = () => (1 + Math.floor(next() * 4)) as 1 | 2 | 3 | 4;
          links.push(level >= 2 ? { org: partner.id, level, trust: rating(), value: rating() } : { org: partner.id, level });
        });
      records.push({ org: org.id, links });
    }
  });
  return { organisations, records };
}
