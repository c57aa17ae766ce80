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

// Verified against when the email is unknown, so that a wrong email takes as long as a wrong password.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("netmirror-decoy-password");
  return decoy;
}
