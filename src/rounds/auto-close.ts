import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import type { Logger } from "../lib/logger";
import type { PortfolioCache } from "../portfolio/cache";
import { closeDueRounds } from "./lifecycle";

/** How often the server looks for rounds past their closing time. */
export const AUTO_CLOSE_INTERVAL_MS = 60_000;

/**
 * Closes due rounds once now and then every minute, so results are frozen and drafts deleted even
 * when nobody looks at a round (loadRound closes a due round it is asked for too). Then works out
 * again the portfolios the app keeps whose rounds, networks or grants changed (by this close or any
 * other change), so that a commissioner's next look is quick. The timer does not keep the process
 * alive. Returns a function that stops it.
 */
export function startAutoClose(
  deps: { db: Db; clock: Clock; logger: Logger; portfolioCache: PortfolioCache },
  intervalMs = AUTO_CLOSE_INTERVAL_MS,
): () => void {
  let stopped = false;
  const failed = (what: string) => (err: unknown) => {
    // Logged and retried next tick: one bad round must not stop the timer. A refresh still under
    // way when the server stops meets a closed database: nothing is wrong then.
    if (!stopped) deps.logger.error(what, { error: err instanceof Error ? err.stack : String(err) });
  };
  const tick = () => {
    try {
      const closed = closeDueRounds(deps);
      if (closed > 0) deps.logger.info("rounds closed at their closing time", { count: closed });
    } catch (err) {
      failed("auto-close failed")(err);
    }
    deps.portfolioCache.refresh(deps.db).catch(failed("refreshing kept portfolios failed"));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
