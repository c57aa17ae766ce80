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

// Segments after which a path carries a secret or a slug, whatever comes before them and however
// they are written (`//s/`, `/S/`, `/api/v1//s/`): survey links, open links, members' mirrors.
const SECRET_AFTER: Record<string, string> = { s: ":token", o: ":slug", m: ":slug" };
// Anything that could be a token or a slice of one: 16 or more base64url (or hex) characters in a row.
// No route of ours has a word that long; our ids (16 characters) are redacted too, which is the price.
const TOKEN_LIKE = /[A-Za-z0-9_-]{16,}/;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The path of a request as we may log it: query string dropped, every segment that could be a
 * token replaced — the one after `s`, `o` or `m` (any case, empty segments skipped, `;params`
 * ignored), and any with 16 or more base64url characters in a row, whatever the route.
 * @example redactPath("/api/v1//S/Zq9secretSurveyToken42/response") // "/api/v1//S/:token/response"
 */
export function redactPath(path: string): string {
  let after: string | undefined;
  return path
    .split("/")
    .map((segment) => {
      if (segment === "" || segment === "." || segment === "..") return segment;
      const plain = decoded(segment);
      const replaced = after ?? (TOKEN_LIKE.test(plain) ? ":token" : undefined);
      after = SECRET_AFTER[plain.split(";")[0]?.toLowerCase() ?? ""];
      return replaced ?? segment;
    })
    .join("/");
}
