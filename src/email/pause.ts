import { eq } from "drizzle-orm";
import { mailStatus } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";

export interface PauseState {
  paused: boolean;
  error: string | null;
  since: Date | null;
}

/** Whether the outbox is paused, and why (shared by every process on the database). */
export function pauseState(db: Db): PauseState {
  const row = db.select().from(mailStatus).where(eq(mailStatus.id, 1)).get();
  return { paused: Boolean(row?.pausedAt), error: row?.error ?? null, since: row?.pausedAt ?? null };
}

/** Pauses sending after a failure of the whole mail session, with the error in plain words. */
export function pauseOutbox(db: Db, clock: Clock, error: string): void {
  db.insert(mailStatus)
    .values({ id: 1, pausedAt: clock.now(), error })
    .onConflictDoUpdate({ target: mailStatus.id, set: { pausedAt: clock.now(), error } })
    .run();
}

/** Resumes sending (an administrator fixed the settings or the server). */
export function resumeOutbox(db: Db): void {
  db.insert(mailStatus)
    .values({ id: 1, pausedAt: null, error: null })
    .onConflictDoUpdate({ target: mailStatus.id, set: { pausedAt: null, error: null } })
    .run();
}
