import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from "node:crypto";

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** What sealing adds to the plain bytes: a random nonce in front and the authentication tag behind. */
export const SEAL_OVERHEAD = NONCE_BYTES + TAG_BYTES;

/**
 * Encrypts and authenticates `plain` with AES-256-GCM; `context` is authenticated but not stored, so
 * sealed bytes only open in the place they were sealed for. Returns nonce | ciphertext | tag, exactly
 * `plain.length + SEAL_OVERHEAD` bytes long.
 *
 * @example
 * const sealed = seal(key, payload, `pending:${roundId}`);
 */
export function seal(key: KeyObject | Buffer, plain: Buffer, context: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** The plain bytes of `sealed`, or null when the key or context is wrong or a byte was altered. */
export function unseal(key: KeyObject | Buffer, sealed: Buffer, context: string): Buffer | null {
  if (sealed.length < SEAL_OVERHEAD) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
