import { createHash, randomBytes } from "node:crypto";

/** An opaque random id (96 bits, base64url): never sequential, never guessable from another. */
export function newId(): string {
  return randomBytes(12).toString("base64url");
}

/** A secret token with 128 bits from the crypto RNG, base64url encoded (22 characters). */
export function newToken(prefix = ""): string {
  return prefix + randomBytes(16).toString("base64url");
}

/** SHA-256 of a token, hex: what we store instead of the token itself. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
