import { organisations, roundOrganisations } from "../../src/db/schema";
import type { Clock } from "../../src/lib/clock";
import type { Db } from "../../src/lib/db";
import { newId } from "../../src/lib/ids";

type Deps = { db: Db; clock: Clock };

let counter = 0;

/** An organisation of a network (active, a hospital, a unique name unless given). */
export function makeOrganisation(deps: Deps, networkId: string, overrides: Partial<typeof organisations.$inferInsert> = {}) {
  counter += 1;
  return deps.db
    .insert(organisations)
    .values({ id: newId(), networkId, name: `Organisation ${counter}`, type: "hospital", createdAt: deps.clock.now(), ...overrides })
    .returning()
    .get();
}

/** `n` active organisations of a network, named "Org 001" … so that name order is their order. */
export function makeOrganisations(deps: Deps, networkId: string, n: number) {
  return Array.from({ length: n }, (_, i) => makeOrganisation(deps, networkId, { name: `Org ${String(i + 1).padStart(3, "0")}` }));
}

/** Marks an organisation as asked about by a round, as opening a round with the connections module does. */
export function useInRound(deps: Deps, roundId: string, organisation: { id: string; name: string; type: string }, position = 0) {
  deps.db
    .insert(roundOrganisations)
    .values({ roundId, organisationId: organisation.id, position, name: organisation.name, type: organisation.type })
    .run();
}
