// npm run build: the server bundled into one file, dist/server.mjs, which `npm start` runs on plain
// Node. Started through tsx, the server loaded ~350 modules through its hooks and Node's resolver at
// ~2.6 s of CPU a start; the bundle starts in ~0.7 s.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export const SERVER_BUNDLE = fileURLToPath(new URL("../dist/server.mjs", import.meta.url));

/** Bundles src/server.ts into SERVER_BUNDLE (and its source map) and returns the bundle's path. */
export async function buildServer(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../src/server.ts", import.meta.url))],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    // Native addons, and Puppeteer (which finds its own files at run time), load from node_modules.
    external: ["better-sqlite3", "@node-rs/argon2", "puppeteer"],
    // The bundled CommonJS packages call require() for Node's own modules.
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    // Stack traces in the log name src/ files (`node --enable-source-maps`).
    sourcemap: "linked",
    write: false,
    logLevel: "warning",
  });
  mkdirSync(dirname(SERVER_BUNDLE), { recursive: true });
  // Written beside and renamed: a server starting meanwhile reads the old file or the new, never part of one.
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  return SERVER_BUNDLE;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildServer();
}
