/** A message is tried at most this many times before it is marked failed. */
export const MAX_ATTEMPTS = 5;
const FIRST_RETRY_MS = 15_000;

/**
 * How long to wait after failed attempt `attempt` (1-based): about 15 s, 1 min, 4 min, 15 min, each
 * ±20 % at random so that messages refused together are not all retried in the same second.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = FIRST_RETRY_MS * 4 ** Math.max(0, attempt - 1);
  return Math.round(base * (0.8 + 0.4 * random()));
}
