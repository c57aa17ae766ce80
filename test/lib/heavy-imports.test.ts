import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Vega and Vega-Lite (charts), Puppeteer (PDFs) and Argon2 (passwords) take most of the time of
// importing the app, and every test file imports the app. src/ loads them with import() where they
// are first used, so that a file that draws no chart, prints no PDF and hashes no password never
// loads them. Type-only imports cost nothing and stay allowed.
const HEAVY = ["vega", "vega-lite", "puppeteer", "@node-rs/argon2"];
const SRC = join(import.meta.dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The packages a file imports or re-exports by a static, value-carrying statement. */
function staticValueImports(code: string): string[] {
  const statements = code.matchAll(/^\s*(?:import|export)\s+(?!type\b)([^;]*?)\s*from\s*["']([^"']+)["']/gms);
  const bare = code.matchAll(/^\s*import\s*["']([^"']+)["']/gm);
  return [...[...statements].map((m) => m[2] ?? ""), ...[...bare].map((m) => m[1] ?? "")];
}

describe("heavy modules", () => {
  it("are never imported statically by src/", () => {
    const offenders = sourceFiles(SRC).flatMap((file) =>
      staticValueImports(readFileSync(file, "utf8"))
        .filter((pkg) => HEAVY.includes(pkg))
        .map((pkg) => `${relative(SRC, file)} imports ${pkg}`),
    );
    expect(offenders).toEqual([]);
  });

  it("are recognised in every static form, and type-only imports are not", () => {
    const code = [
      'import * as vega from "vega";',
      'import puppeteer, { type Browser } from "puppeteer";',
      'import {\n  hash,\n  verify,\n} from "@node-rs/argon2";',
      'export { compile } from "vega-lite";',
      'import "vega";',
      'import type { TopLevelSpec } from "vega-lite";',
      'const lazy = () => import("puppeteer");',
    ].join("\n");
    expect(staticValueImports(code)).toEqual(["vega", "puppeteer", "@node-rs/argon2", "vega-lite", "vega"]);
  });
});
