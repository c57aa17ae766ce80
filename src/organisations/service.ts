import { and, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { type OrganisationRow, organisations } from "../db/schema";
import { recordAudit } from "../lib/audit";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import { newId } from "../lib/ids";
import { organisationView, roundsUsing, sameName } from "./queries";
import type { CreateOrganisationInput, OrganisationView, UpdateOrganisationInput } from "./schemas";

type Deps = { db: Db; clock: Clock };

const TAKEN = "is already the name of an organisation in this network";

function nameTaken(field: string, name: string): AppError {
  return new AppError("conflict", `${field}: “${name}” ${TAKEN}`, { details: [{ field, message: TAKEN }] });
}

/** The names a network's organisations have now, but `exceptId`'s. */
function namesIn(db: Db, networkId: string, exceptId?: string): string[] {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.networkId, networkId))
    .all()
    .filter((o) => o.id !== exceptId)
    .map((o) => o.name);
}

function audit(deps: Deps, actor: Actor, action: string, id: string, detail?: Record<string, unknown>) {
  recordAudit(deps.db, deps.clock, { userId: actor.userId, action, targetType: "organisation", targetId: id, detail });
}

/**
 * Adds organisations to a network in one transaction, all or none. A name already in the network
 * (case aside), or twice in the list, is a 409 naming that entry (`organisations.2.name`).
 */
export function addOrganisations(deps: Deps, actor: Actor, networkId: string, input: CreateOrganisationInput[]): OrganisationView[] {
  const { db, clock } = deps;
  // Reads through `db` run on the same connection, inside this transaction (better-sqlite3).
  return db.transaction((tx) => {
    const names = namesIn(db, networkId);
    input.forEach((o, i) => {
      if (names.some((n) => sameName(n, o.name))) throw nameTaken(`organisations.${i}.name`, o.name);
      names.push(o.name);
    });
    const now = clock.now();
    return input.map((o) => {
      const row = tx
        .insert(organisations)
        .values({ id: newId(), networkId, name: o.name, type: o.type, active: o.active ?? true, createdAt: now })
        .returning()
        .get();
      audit(deps, actor, "organisation.add", row.id, { type: row.type });
      return organisationView(row, 0);
    });
  });
}

/** Adds one organisation; a name already in the network (case aside) is a 409 naming `name`. */
export function createOrganisation(deps: Deps, actor: Actor, networkId: string, input: CreateOrganisationInput): OrganisationView {
  try {
    const [created] = addOrganisations(deps, actor, networkId, [input]);
    if (!created) throw new Error("nothing was added");
    return created;
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict") throw nameTaken("name", input.name);
    throw err;
  }
}

/**
 * Renames, retypes, deactivates or reactivates an organisation. Rounds already opened keep the
 * name and type they copied; the next round copies the new ones.
 */
export function updateOrganisation(deps: Deps, actor: Actor, row: OrganisationRow, input: UpdateOrganisationInput): OrganisationView {
  const { db } = deps;
  return db.transaction((tx) => {
    if (input.name !== undefined && namesIn(db, row.networkId, row.id).some((n) => sameName(n, input.name ?? "")))
      throw nameTaken("name", input.name);
    const changes = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.type !== undefined && { type: input.type }),
      ...(input.active !== undefined && { active: input.active }),
    };
    const used = roundsUsing(db, row.id);
    if (Object.keys(changes).length === 0) return organisationView(row, used);
    const updated = tx.update(organisations).set(changes).where(eq(organisations.id, row.id)).returning().get();
    audit(deps, actor, "organisation.update", row.id, { fields: Object.keys(changes) });
    return organisationView(updated, used);
  });
}

/**
 * Deletes an organisation no round has used. One a round used is deactivated instead, so that the
 * round's list and map keep it; the answer says which happened.
 */
export function deleteOrganisation(
  deps: Deps,
  actor: Actor,
  row: OrganisationRow,
): { result: "deleted" | "deactivated"; organisation: OrganisationView } {
  const { db } = deps;
  return db.transaction((tx) => {
    const used = roundsUsing(db, row.id);
    if (used > 0) {
      const updated = tx.update(organisations).set({ active: false }).where(eq(organisations.id, row.id)).returning().get();
      audit(deps, actor, "organisation.deactivate", row.id, { usedByRounds: used });
      return { result: "deactivated" as const, organisation: organisationView(updated, used) };
    }
    tx.delete(organisations)
      .where(and(eq(organisations.id, row.id), eq(organisations.networkId, row.networkId)))
      .run();
    audit(deps, actor, "organisation.delete", row.id);
    return { result: "deleted" as const, organisation: organisationView(row, 0) };
  });
}
