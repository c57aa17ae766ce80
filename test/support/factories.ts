import { sql } from "drizzle-orm";
import { createSession } from "../../src/auth/sessions";
import {
  dailySubmissions,
  type GrantRole,
  grants,
  invitations,
  members,
  networks,
  type Role,
  responses,
  rounds,
  users,
} from "../../src/db/schema";
import type { Clock } from "../../src/lib/clock";
import type { Db } from "../../src/lib/db";
import { hashToken, newId, newToken } from "../../src/lib/ids";

// One Argon2id hash computed once: hashing per factory call would make the suite slow.
export const TEST_PASSWORD = "correct horse battery";
const TEST_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$lzySTktnjnLmofAQFuu+0g$H3Doc6lxna92wYWXStoMNLpnjju+Nq4+nU6DinDpLyM";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

type Deps = { db: Db; clock: Clock };

export function makeUser(deps: Deps, overrides: Partial<typeof users.$inferInsert> = {}) {
  const id = unique();
  return deps.db
    .insert(users)
    .values({
      id: newId(),
      email: `user-${id}@example.org`,
      name: `User ${id}`,
      role: "facilitator" as Role,
      passwordHash: TEST_PASSWORD_HASH,
      createdAt: deps.clock.now(),
      ...overrides,
    })
    .returning()
    .get();
}

export function makeNetwork(deps: Deps, overrides: Partial<typeof networks.$inferInsert> = {}) {
  return deps.db
    .insert(networks)
    .values({ id: newId(), name: `Network ${unique()}`, stage: "developing", createdAt: deps.clock.now(), ...overrides })
    .returning()
    .get();
}

export function makeGrant(deps: Deps, networkId: string, userId: string, role: GrantRole = "facilitator") {
  return deps.db.insert(grants).values({ id: newId(), networkId, userId, role, createdAt: deps.clock.now() }).returning().get();
}

export function makeMember(deps: Deps, networkId: string, overrides: Partial<typeof members.$inferInsert> = {}) {
  const id = unique();
  return deps.db
    .insert(members)
    .values({
      id: newId(),
      networkId,
      name: `Member ${id}`,
      email: `member-${id}@example.org`,
      organisation: "Valley Hospital",
      createdAt: deps.clock.now(),
      ...overrides,
    })
    .returning()
    .get();
}

export function makeRound(deps: Deps, networkId: string, overrides: Partial<typeof rounds.$inferInsert> = {}) {
  return deps.db
    .insert(rounds)
    .values({
      id: newId(),
      networkId,
      title: `Round ${unique()}`,
      instrumentId: "core",
      instrumentVersion: 1,
      createdAt: deps.clock.now(),
      ...overrides,
    })
    .returning()
    .get();
}

/** A signed-in session for a user, as a cookie value. */
export function sessionFor(deps: Deps, userId: string): string {
  return createSession(deps.db, deps.clock, userId).token;
}

/**
 * The cast of the access matrix: an admin, a facilitator of `network`, a facilitator of another
 * network, a commissioner granted `network`, one not granted, and a deactivated facilitator of
 * `network`; each with a session cookie.
 */
export function makeCast(deps: Deps) {
  const network = makeNetwork(deps);
  const other = makeNetwork(deps);
  const person = (role: Role, grant?: { networkId: string; role: GrantRole }, active = true) => {
    const user = makeUser(deps, { role, active });
    if (grant) makeGrant(deps, grant.networkId, user.id, grant.role);
    return { user, cookie: sessionFor(deps, user.id) };
  };
  return {
    network,
    otherNetwork: other,
    admin: person("admin"),
    facilitator: person("facilitator", { networkId: network.id, role: "facilitator" }),
    otherFacilitator: person("facilitator", { networkId: other.id, role: "facilitator" }),
    commissioner: person("commissioner", { networkId: network.id, role: "commissioner" }),
    otherCommissioner: person("commissioner", { networkId: other.id, role: "commissioner" }),
    deactivated: person("facilitator", { networkId: network.id, role: "facilitator" }, false),
  };
}

/** A personal link in a round; returns the row and the token (only its hash is stored). */
export function makeInvitation(deps: Deps, roundId: string, overrides: Partial<typeof invitations.$inferInsert> = {}) {
  const token = newToken();
  const row = deps.db
    .insert(invitations)
    .values({ id: newId(), roundId, memberId: null, tokenHash: hashToken(token), ...overrides })
    .returning()
    .get();
  return { ...row, token };
}

/**
 * A submitted response (no answers) in a round, written as if its batch had left the pool already,
 * and counted on `day` (default: the clock's day).
 */
export function makeResponse(
  deps: Deps,
  roundId: string,
  { day, ...overrides }: Partial<typeof responses.$inferInsert> & { day?: string } = {},
) {
  return deps.db.transaction((tx) => {
    tx.insert(dailySubmissions)
      .values({ roundId, day: day ?? deps.clock.now().toISOString().slice(0, 10), submitted: 1 })
      .onConflictDoUpdate({
        target: [dailySubmissions.roundId, dailySubmissions.day],
        set: { submitted: sql`${dailySubmissions.submitted} + 1` },
      })
      .run();
    return tx
      .insert(responses)
      .values({ id: newId(), roundId, ...overrides })
      .returning()
      .get();
  });
}
