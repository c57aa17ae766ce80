import { and, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { ROUND_MODULES, rounds } from "../db/schema";
import { latestVersion } from "../instrument";
import { recordAudit } from "../lib/audit";
import { AppError, invalidField } from "../lib/errors";
import { newId } from "../lib/ids";
import { countActiveOrganisations } from "../organisations/queries";
import { MIN_ROUND_ORGANISATIONS, snapshotRoundOrganisations } from "../organisations/snapshot";
import { closedToMembers, closeRound, isDue } from "./lifecycle";
import { newOpenCode } from "./open-code";
import { getRoundView, type RoundDeps, type RoundRow } from "./round-json";
import type { CreateRoundInput, RoundView, UpdateRoundInput } from "./schemas";

const DEFAULT_INSTRUMENT = "core";
const DEFAULT_MIN_RESPONSES = 5;

function audit(deps: RoundDeps, actor: Actor, action: string, roundId: string, detail?: Record<string, unknown>) {
  recordAudit(deps.db, deps.clock, { userId: actor.userId, action, targetType: "round", targetId: roundId, detail });
}

function requireFuture(deps: RoundDeps, closesAt: Date) {
  if (closesAt.getTime() <= deps.clock.now().getTime()) throw invalidField("closesAt", "must be in the future");
}

/** The modules asked for, in their usual order; the network map needs enough organisations to draw. */
function checkedModules(deps: RoundDeps, networkId: string, wanted: readonly string[] = []) {
  const modules = ROUND_MODULES.filter((m) => wanted.includes(m));
  if (!modules.includes("connections")) return modules;
  const active = countActiveOrganisations(deps.db, networkId);
  if (active < MIN_ROUND_ORGANISATIONS)
    throw invalidField(
      "modules",
      `the connections module (network map) needs at least ${MIN_ROUND_ORGANISATIONS} active organisations, and the network has ${active}`,
    );
  return modules;
}

/** Creates a draft round on a network, on the latest version of its instrument, with the modules chosen. */
export function createRound(deps: RoundDeps, actor: Actor, networkId: string, input: CreateRoundInput): RoundView {
  const { db, clock } = deps;
  if (input.closesAt) requireFuture(deps, input.closesAt);
  const modules = checkedModules(deps, networkId, input.modules);
  const instrumentId = input.instrument ?? DEFAULT_INSTRUMENT;
  const version = latestVersion(instrumentId);
  if (version === undefined) throw invalidField("instrument", "is not a known instrument");
  const row = db.transaction((tx) => {
    const created = tx
      .insert(rounds)
      .values({
        id: newId(),
        networkId,
        title: input.title,
        instrumentId,
        instrumentVersion: version,
        status: "draft",
        access: input.access ?? "invite",
        language: input.language ?? "en",
        minResponses: input.minResponses ?? DEFAULT_MIN_RESPONSES,
        closesAt: input.closesAt ?? null,
        modules,
        createdAt: clock.now(),
        // Made now, not at opening, so that the QR-code poster can be printed before the round opens.
        openCode: input.access === "open" ? newOpenCode() : null,
      })
      .returning()
      .get();
    audit(deps, actor, "round.create", created.id, { access: created.access, modules });
    return created;
  });
  return getRoundView(deps, row);
}

/**
 * Renames a round or moves its closing date. In draft the date may move freely; while open it may
 * only move later (people were told "until then"); a closed round never changes.
 */
export function updateRound(deps: RoundDeps, actor: Actor, round: RoundRow, input: UpdateRoundInput): RoundView {
  // Routes hand over a round from loadRound (closed if it was due); a row that is a moment old and
  // past its closing time counts as closed too, without this verb closing it.
  if (closedToMembers(round, deps.clock.now())) throw new AppError("conflict", "This round is closed; a closed round cannot be changed");
  const { closesAt } = input;
  if (closesAt) {
    requireFuture(deps, closesAt);
    if (round.status === "open" && round.closesAt && closesAt.getTime() < round.closesAt.getTime())
      throw invalidField("closesAt", "an open round's closing date can only be moved later");
  }
  const changes = { ...(input.title !== undefined && { title: input.title }), ...(closesAt !== undefined && { closesAt }) };
  if (Object.keys(changes).length === 0) return getRoundView(deps, round);
  const updated = deps.db.update(rounds).set(changes).where(eq(rounds.id, round.id)).returning().get();
  audit(deps, actor, "round.update", round.id, { fields: Object.keys(changes) });
  return getRoundView(deps, updated);
}

/**
 * Opens a draft round; an open-access round made before its link existed at creation gets it now.
 * A round with the connections module copies the network's active organisations as it opens (409
 * when there are too few or too many), in the same transaction.
 */
export function openRound(deps: RoundDeps, actor: Actor, round: RoundRow): RoundView {
  if (round.status !== "draft") throw new AppError("conflict", `This round is already ${round.status}; only a draft round can be opened`);
  const now = deps.clock.now();
  if (round.closesAt && round.closesAt.getTime() <= now.getTime())
    throw new AppError("conflict", "This round's closing date has passed; set a later closesAt before opening it");
  const { db } = deps;
  const opened = db.transaction((tx) => {
    const updated = tx
      .update(rounds)
      .set({ status: "open", openedAt: now, ...(round.access === "open" && !round.openCode && { openCode: newOpenCode() }) })
      .where(and(eq(rounds.id, round.id), eq(rounds.status, "draft")))
      .returning()
      .get();
    // Opened by another request since it was read: copying the organisations twice would fail.
    if (!updated) throw new AppError("conflict", "This round was opened meanwhile; only a draft round can be opened");
    // The outer handle: better-sqlite3 runs it on the same connection, inside this transaction.
    snapshotRoundOrganisations(db, updated);
    audit(deps, actor, "round.open", round.id);
    return updated;
  });
  return getRoundView(deps, opened);
}

/** Closes an open round now: drafts are deleted and results frozen (see lifecycle.ts). */
export function closeRoundNow(deps: RoundDeps, actor: Actor, round: RoundRow): RoundView {
  if (round.status === "draft") throw new AppError("conflict", "This round has not been opened; a draft round cannot be closed");
  if (round.status === "closed") throw new AppError("conflict", "This round is already closed");
  // A row past its closing time (a moment old) closes at that time, as loadRound would close it.
  const closed = closeRound(deps, round, isDue(round, deps.clock.now()) ? (round.closesAt ?? undefined) : undefined);
  audit(deps, actor, "round.close", round.id);
  return getRoundView(deps, closed);
}
