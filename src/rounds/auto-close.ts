import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import type { Logger } from "../lib/logger";
import { closeDueRounds } from "./lifecycle";

/** How often the server looks for rounds past their closing time. */
export const AUTO_CLOSE_INTERVAL_MS = 60_000;

/**
 * Closes due rounds once now and then every minute, so results are frozen and drafts deleted even
 * when nobody looks at a round (loadRound closes a due round it is asked for too). The timer does
 * not keep the process alive. Returns a function that stops it.
 */
export function startAutoClose(deps: { db: Db; clock: Clock; logger: Logger }, intervalMs = AUTO_CLOSE_INTERVAL_MS): () => void {
  const tick = () => {
    try {
      const closed = closeDueRounds(deps);
      if (closed > 0) deps.logger.info("rounds closed at their closing time", { count: closed });
    } catch (err) {
      // Logged and retried next tick: one bad round must not stop the timer.
      deps.logger.error("auto-close failed", { error: err instanceof Error ? err.stack : String(err) });
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
