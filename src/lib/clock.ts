/** The source of "now". Injected so that tests control closing dates, sessions and rate limits. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move forward by hand. */
export function manualClock(start: Date | string = "2026-03-02T09:00:00Z") {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (to: Date | string) => {
      current = new Date(to);
    },
    advance: (ms: number) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** The calendar day (UTC) of a moment, e.g. "2026-03-02": the day a submission is counted on (responses keep no time). */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
