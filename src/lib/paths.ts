import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder holding templates/ and migrations/. Found by walking up from this module rather than
 * by a fixed "../..", because the same code runs from src/lib/ (tests, scripts) and bundled into
 * dist/server.mjs (`npm start`).
 */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(dir, "templates")) && existsSync(join(dir, "migrations")))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`netmirror's templates/ and migrations/ are in no folder above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = projectRoot();

/** A path inside the project: `fromRoot("templates", "assets")`. */
export function fromRoot(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
