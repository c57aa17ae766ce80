import { isAbsolute, relative, resolve, sep } from "node:path";
import { z } from "zod";
import { ConfigError } from "./config-error";
import { booleanFlag, type MailConfig, mailConfig, mailEnvSchema } from "./mail-config";

/** Environment variables the server reads, once, at start-up. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  SECRETS_DIR: z.string().min(1).default("./secrets"),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  PUPPETEER_EXECUTABLE_PATH: z.string().min(1).optional(),
  TRUST_PROXY: booleanFlag.default(false),
  DEMO: booleanFlag.default(false),
  ...mailEnvSchema.shape,
});

export type Env = z.infer<typeof configSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /**
   * Where the key that seals pending answers lives: never inside dataDir, so that a copy of the data
   * files alone cannot open them.
   */
  secretsDir: string;
  /** Base of every link we hand out (survey links, open links, members' mirror). */
  publicUrl: string;
  secureCookies: boolean;
  admin?: { email: string; password: string };
  logLevel: Env["LOG_LEVEL"];
  chromiumPath?: string;
  trustProxy: boolean;
  demo: boolean;
  /** Sending invitations and reminders (SMTP_URL, MAIL_FROM, MAIL_RATE, MAIL_CAPTURE, DKIM_*). */
  mail: MailConfig;
}

export { ConfigError };

/**
 * Parses the environment into a Config, or throws a ConfigError whose message is one line naming
 * the variable.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new ConfigError(`Invalid ${name}: ${issue?.message ?? "invalid value"}`);
  }
  const e = parsed.data;
  if (Boolean(e.ADMIN_EMAIL) !== Boolean(e.ADMIN_PASSWORD)) {
    const missing = e.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL";
    throw new ConfigError(`Invalid ${missing}: ADMIN_EMAIL and ADMIN_PASSWORD must be set together`);
  }
  if (isInside(e.SECRETS_DIR, e.DATA_DIR)) {
    throw new ConfigError("Invalid SECRETS_DIR: must not be DATA_DIR or inside it (a copy of the data files must not hold the key)");
  }
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    secretsDir: e.SECRETS_DIR,
    publicUrl,
    secureCookies: publicUrl.startsWith("https:"),
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD } : undefined,
    logLevel: e.LOG_LEVEL,
    chromiumPath: e.PUPPETEER_EXECUTABLE_PATH,
    trustProxy: e.TRUST_PROXY,
    demo: e.DEMO,
    mail: mailConfig(e, e.DEMO, new URL(publicUrl).hostname),
  };
}

/** True when `path` is `dir` itself or lies somewhere below it. */
function isInside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
