// Bounded concurrency with a bounded, time-limited queue: beyond that, callers get a 503 at once
// instead of piling up behind a busy browser.
import { AppError } from "../lib/errors";

export interface SlotQueue {
  /** Resolves when a slot is free; rejects with 503 when the queue is full or the wait too long. */
  acquire(): Promise<void>;
  /** Gives the slot to the next waiter, or frees it. Call exactly once per successful acquire. */
  release(): void;
  /** Rejects every waiter (shutting down). */
  rejectAll(error: Error): void;
  readonly active: number;
  readonly waiting: number;
}

const busy = () => new AppError("unavailable", "The report renderer is busy; please try again in a minute", { retryAfterSeconds: 30 });

/** @example const q = slotQueue(2, 32, 30_000); await q.acquire(); try { … } finally { q.release(); } */
export function slotQueue(concurrency: number, maxQueue: number, maxWaitMs: number): SlotQueue {
  let active = 0;
  const waiters: { resolve: () => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = [];

  return {
    get active() {
      return active;
    },
    get waiting() {
      return waiters.length;
    },
    acquire() {
      if (active < concurrency) {
        active++;
        return Promise.resolve();
      }
      if (waiters.length >= maxQueue) return Promise.reject(busy());
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters.splice(waiters.indexOf(waiter), 1);
            reject(busy());
          }, maxWaitMs),
        };
        waiters.push(waiter);
      });
    },
    release() {
      const next = waiters.shift();
      if (next) {
        // The slot passes straight to the next waiter: `active` stays the same.
        clearTimeout(next.timer);
        next.resolve();
      } else active--;
    },
    rejectAll(error) {
      for (const waiter of waiters.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.reject(error);
      }
    },
  };
}
