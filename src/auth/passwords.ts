import type { Algorithm } from "@node-rs/argon2";

// Loaded at the first hash rather than with every module that can reach this one (the whole app).
const argon2 = () => import("@node-rs/argon2");

// OWASP's recommended Argon2id parameters: 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2 as Algorithm /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** An Argon2id hash of a password, in the PHC string format. */
export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, OPTIONS);
}

/** True when `password` matches `stored`; false (never a throw) for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await (await argon2()).verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * Verified against when the email is unknown, so that a wrong email takes as long as a wrong
 * password: an Argon2id hash made once with OPTIONS (of a password nobody uses) and kept as a
 * constant, so nothing is hashed or cached at run time. Made again if OPTIONS change (a test checks).
 */
export const DECOY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$FFE69qfA+hSSuxtQ2gWNvg$38C5KldmOdxA69Vlw7owY9rdY2xRu1Olq/WxUNO0Rrc";

/** The options a hash was made with, read from its PHC string ("m=19456,t=2,p=1"). */
export const hashParameters = (hash: string) => hash.split("$")[3];

/** The parameters of a hash made now, for comparing with DECOY_HASH's. */
export const CURRENT_PARAMETERS = `m=${OPTIONS.memoryCost},t=${OPTIONS.timeCost},p=${OPTIONS.parallelism}`;
