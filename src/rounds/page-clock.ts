import type { Clock } from "../lib/clock";
import { systemClock } from "../lib/clock";
import type { Db } from "../lib/db";

// The network page's model is built from the database alone, yet the rounds section on it needs
// "now" (to suggest a title and a closing date, and to close due rounds). The rounds pages register
// the app's injected clock here, keyed by the app's database, so tests that move the clock see it.
const clocks = new WeakMap<Db, Clock>();

/** Remembers the clock of the app that owns `db`. */
export function registerPageClock(db: Db, clock: Clock): void {
  clocks.set(db, clock);
}

/** The clock of the app that owns `db` (the system clock if none registered). */
export function pageClock(db: Db): Clock {
  return clocks.get(db) ?? systemClock;
}
