import { createSecretKey, type KeyObject, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError } from "./config";

/** The file in SECRETS_DIR holding the key that seals pending answers (32 random bytes, base64). */
export const KEY_FILE = "netmirror.key";

/** Where the key of `secretsDir` is kept. */
export function keyPath(secretsDir: string): string {
  return join(secretsDir, KEY_FILE);
}

/** Reads the key in `file`; a file that does not hold 32 bytes stops start-up with one line. */
function readKey(file: string): KeyObject {
  const bytes = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  if (bytes.length !== 32) throw new ConfigError(`Invalid SECRETS_DIR: ${resolve(file)} does not hold a 32-byte key`);
  return createSecretKey(bytes);
}

/** What the database holds that only its key opens: pending responses, and email links kept for reminders. */
export interface SealedRows {
  responses: number;
  links: number;
}

/** The sealed rows in words for a start-up message, e.g. "3 sealed responses and 2 sealed email links". */
export function describeSealed({ responses, links }: SealedRows): string {
  const parts: string[] = [];
  if (responses > 0) parts.push(`${responses} sealed ${responses === 1 ? "response" : "responses"}`);
  if (links > 0) parts.push(`${links} sealed email ${links === 1 ? "link" : "links"}`);
  return parts.join(" and ");
}

/**
 * The key that seals pending answers and email links, made at first start: SECRETS_DIR is created
 * 0700 and the key file 0600 (never overwritten: `wx`). `sealed` is what the database already holds:
 * with sealed rows and no key, a new key could never open them, so start-up stops instead and says
 * how to recover.
 */
export function loadSecretKey(secretsDir: string, sealed: SealedRows): KeyObject {
  const file = keyPath(secretsDir);
  if (existsSync(file)) return readKey(file);
  if (sealed.responses + sealed.links > 0) {
    throw new ConfigError(
      `Invalid SECRETS_DIR: ${resolve(file)} is missing but the database holds ${describeSealed(sealed)}; restore the key from your backup of SECRETS_DIR (a new key could never open them)`,
    );
  }
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return readKey(file);
}

/** A key that lives only in this process: for databases nobody opens again (tests, benchmarks). */
export function ephemeralKey(): KeyObject {
  return createSecretKey(randomBytes(32));
}

/** What a pending response is sealed for: its round, so that a sealed row cannot be moved to another. */
export function pendingContext(roundId: string): string {
  return `netmirror pending v1 ${roundId}`;
}

/** What an email link's token is sealed for: its invitation, so that a sealed token cannot be moved to another. */
export function emailTokenContext(invitationId: string): string {
  return `netmirror email token v1 ${invitationId}`;
}
