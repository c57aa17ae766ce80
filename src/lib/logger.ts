import type { Config } from "./config";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** A logger writing one JSON object per line to stdout (stderr for errors). */
export function createLogger(level: Config["logLevel"], write: (line: string) => void = defaultWrite): Logger {
  const min = LEVELS[level];
  const log =
    (lvl: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS[lvl] < min) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }));
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

function defaultWrite(line: string) {
  process.stdout.write(`${line}\n`);
}

/** A logger that keeps its lines, for tests. */
export function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger("debug", (line) => lines.push(JSON.parse(line)));
  return { logger, lines };
}

// Paths that carry secrets in them: logged with the secret replaced.
const SECRET_PATHS: [RegExp, string][] = [
  [/^\/s\/[^/]+/, "/s/:token"],
  [/^\/api\/v1\/s\/[^/]+/, "/api/v1/s/:token"],
  [/^\/o\/[^/]+/, "/o/:slug"],
  [/^\/m\/[^/]+/, "/m/:slug"],
];

/** The path of a request as we may log it: tokens replaced, query string dropped. */
export function redactPath(path: string): string {
  for (const [pattern, replacement] of SECRET_PATHS) {
    if (pattern.test(path)) return path.replace(pattern, replacement);
  }
  return path;
}
