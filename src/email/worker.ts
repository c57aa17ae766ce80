import { eq } from "drizzle-orm";
import { emailOutbox, type OutboxRow } from "../db/schema";
import type { Logger } from "../lib/logger";
import { claimDue } from "./claim";
import { type DeliverDeps, type Delivery, deliver } from "./deliver";
import { pauseOutbox, pauseState } from "./pause";
import { queueDueReminders } from "./reminders";
import type { Mail } from "./transport";

export interface WorkerDeps extends DeliverDeps {
  logger: Logger;
  /** Waits `ms` of real time (tests pass their own to count the pacing). */
  sleep?: (ms: number) => Promise<void>;
  /** Real time in milliseconds, for pacing (the clock in deps may be a test's, standing still). */
  monotonic?: () => number;
  /** Set when the server is stopping: the pass ends after the message in flight. */
  stopping?: { stopped: boolean };
}

export type SendCounts = Record<Delivery, number>;

/** Messages claimed but never tried go back to the queue as they were (their claim not counted as an attempt). */
function handBack(deps: WorkerDeps, rows: OutboxRow[]) {
  for (const r of rows) {
    const back = { status: "queued" as const, attempts: r.attempts - 1, nextAttemptAt: deps.clock.now() };
    deps.db.update(emailOutbox).set(back).where(eq(emailOutbox.id, r.id)).run();
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One pass of the worker: queues due reminders, then claims and sends due messages at no more than
 * `mail.ratePerSecond`, until none are due or `max` were tried. Stops at a failure of the whole
 * session: pauses the outbox (shown to administrators) and hands back the messages it had claimed.
 */
export async function sendDue(deps: WorkerDeps, mail: Mail, max = Number.POSITIVE_INFINITY): Promise<SendCounts> {
  const counts: SendCounts = { sent: 0, retry: 0, failed: 0, bounced: 0, cancelled: 0, paused: 0, taken: 0 };
  const { mailer } = mail;
  if (!mailer || pauseState(deps.db).paused) return counts;
  queueDueReminders(deps);
  const sleep = deps.sleep ?? realSleep;
  const monotonic = deps.monotonic ?? (() => performance.now());
  const gap = 1000 / mail.ratePerSecond;
  const batch = Math.max(1, Math.min(100, Math.ceil(mail.ratePerSecond)));
  let nextSlot = monotonic();
  let tried = 0;
  while (tried < max && !deps.stopping?.stopped) {
    const claimed = claimDue(deps.db, deps.clock.now(), Math.min(batch, max - tried));
    if (claimed.length === 0) break;
    for (const [i, row] of claimed.entries()) {
      if (deps.stopping?.stopped) {
        // Stopping: what was claimed but not tried goes back, untouched, for the next start.
        handBack(deps, claimed.slice(i));
        break;
      }
      const wait = nextSlot - monotonic();
      if (wait > 0) await sleep(wait);
      nextSlot = Math.max(nextSlot, monotonic()) + gap;
      const result = await deliver(deps, mailer, row);
      counts[result.delivery]++;
      tried++;
      if (result.delivery === "paused") {
        pauseOutbox(deps.db, deps.clock, result.error ?? "The mail server refused the session.");
        // The rest were claimed but never tried: handed back as they were.
        const rest = claimed.slice(i + 1);
        handBack(deps, rest);
        deps.logger.error("email paused: the mail session failed", { reason: result.error, handedBack: rest.length });
        return counts;
      }
    }
  }
  if (tried > 0) deps.logger.info("email sent", { ...counts });
  return counts;
}

/**
 * The server's mail worker: a pass every `intervalMs` (and straight on while messages are due).
 * Returns a function that stops it and resolves once the pass in flight has finished.
 */
export function startMailWorker(deps: WorkerDeps, mail: Mail, intervalMs = 2_000): () => Promise<void> {
  const stopping = { stopped: false };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        await sendDue({ ...deps, stopping }, mail, 1_000);
      } catch (err) {
        // Logged and tried again next time: one bad message must not stop the worker.
        deps.logger.error("email worker failed", { error: err instanceof Error ? err.stack : String(err) });
      }
      if (!stopping.stopped) {
        timer = setTimeout(tick, intervalMs);
        timer.unref();
      }
    })();
  };
  tick();
  return async () => {
    stopping.stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
