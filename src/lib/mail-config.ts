import { z } from "zod";
import { ConfigError } from "./config-error";

/** An on/off environment variable: 1, true or yes is on; 0, false, no or empty is off. */
export const booleanFlag = z.enum(["0", "1", "true", "false", "yes", "no", ""]).transform((v) => v === "1" || v === "true" || v === "yes");

/** The mail settings among the environment variables (see README, "Email"). */
export const mailEnvSchema = z.object({
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be smtp://user:password@host:port or smtps://…" }).optional(),
  // An address, or "Name <address>": only the address is used; the From name is the facilitator's.
  MAIL_FROM: z.string().min(3).optional(),
  MAIL_RATE: z.coerce.number().positive().max(10_000).default(5),
  MAIL_CAPTURE: booleanFlag.default(false),
  DKIM_DOMAIN: z.string().min(1).optional(),
  DKIM_SELECTOR: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
});

export interface MailConfig {
  /** Where to send; undefined: messages stay queued, shown as "not sent: no mail server configured". */
  smtpUrl?: string;
  /** The envelope and From address (the From name is the facilitator's). */
  from: string;
  /** Messages per second the worker sends at most. */
  ratePerSecond: number;
  /** Demo only: messages are kept in memory for administrators to read instead of sent. */
  capture: boolean;
  dkim?: { domainName: string; keySelector: string; privateKeyFile: string };
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** The address inside "Name <address>", or the value itself. */
function addressOf(value: string): string | null {
  const inside = /<([^<>]+)>\s*$/.exec(value)?.[1] ?? value.trim();
  return ADDRESS.test(inside) ? inside : null;
}

/** Checks the mail settings together; throws a ConfigError naming the variable. */
export function mailConfig(e: z.infer<typeof mailEnvSchema>, demo: boolean, publicHost: string): MailConfig {
  if (e.MAIL_CAPTURE && !demo)
    throw new ConfigError("Invalid MAIL_CAPTURE: only with DEMO=1 (captured messages hold members' links in plain text)");
  const from = e.MAIL_FROM === undefined ? `netmirror@${publicHost}` : addressOf(e.MAIL_FROM);
  if (!from) throw new ConfigError("Invalid MAIL_FROM: must be an email address, e.g. netmirror@example.org");
  if (e.SMTP_URL && !e.MAIL_FROM) throw new ConfigError("Invalid MAIL_FROM: required with SMTP_URL (the address messages are sent from)");
  const dkimSet = [e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY_FILE].filter((v) => v !== undefined).length;
  if (dkimSet !== 0 && dkimSet !== 3) {
    const missing = !e.DKIM_DOMAIN ? "DKIM_DOMAIN" : !e.DKIM_SELECTOR ? "DKIM_SELECTOR" : "DKIM_PRIVATE_KEY_FILE";
    throw new ConfigError(`Invalid ${missing}: DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE must be set together`);
  }
  return {
    smtpUrl: e.SMTP_URL,
    from,
    ratePerSecond: e.MAIL_RATE,
    capture: e.MAIL_CAPTURE,
    dkim:
      e.DKIM_DOMAIN && e.DKIM_SELECTOR && e.DKIM_PRIVATE_KEY_FILE
        ? { domainName: e.DKIM_DOMAIN, keySelector: e.DKIM_SELECTOR, privateKeyFile: e.DKIM_PRIVATE_KEY_FILE }
        : undefined,
  };
}
