// A person's portfolio settings: its name and whether its networks' reports show the benchmark.
import { eq } from "drizzle-orm";
import { requireActor } from "../auth/access";
import type { Actor } from "../auth/actor";
import { portfolios } from "../db/schema";
import { recordAudit } from "../lib/audit";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import type { PortfolioSettingsInput } from "./schemas";

export interface PortfolioSettings {
  name: string;
  benchmark: boolean;
}

/** The name a portfolio has until its owner gives it one. */
export const defaultPortfolioName = (actor: Pick<Actor, "name">) => `${actor.name} · networks`;

/** The actor's portfolio settings (defaults when never saved). */
export function portfolioSettings(db: Db, actor: Actor): PortfolioSettings {
  const row = db.select().from(portfolios).where(eq(portfolios.userId, actor.userId)).get();
  return row ? { name: row.name, benchmark: row.benchmark } : { name: defaultPortfolioName(actor), benchmark: false };
}

/**
 * Names the actor's portfolio and turns the benchmark on or off. Commissioners and administrators
 * only (403 otherwise): a benchmark is the commissioner's choice. Takes effect for rounds that close
 * from now on; benchmarks already frozen stay as they are.
 */
export function updatePortfolioSettings(
  deps: { db: Db; clock: Clock },
  actor: Actor | null,
  input: PortfolioSettingsInput,
): PortfolioSettings {
  const signedIn = requireActor(actor);
  if (signedIn.role === "facilitator") throw new AppError("forbidden", "Only commissioners and administrators have a portfolio to name");
  const current = portfolioSettings(deps.db, signedIn);
  const next = { name: input.name ?? current.name, benchmark: input.benchmark ?? current.benchmark };
  const values = { userId: signedIn.userId, ...next, updatedAt: deps.clock.now() };
  deps.db.insert(portfolios).values(values).onConflictDoUpdate({ target: portfolios.userId, set: values }).run();
  recordAudit(deps.db, deps.clock, {
    userId: signedIn.userId,
    action: "portfolio.update",
    targetType: "user",
    targetId: signedIn.userId,
    detail: { fields: Object.keys(input), benchmark: next.benchmark },
  });
  return next;
}
