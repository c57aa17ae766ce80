import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appDeps, createApp } from "../../src/app";
import { manualClock } from "../../src/lib/clock";
import { type Config, loadConfig } from "../../src/lib/config";
import { openDatabase } from "../../src/lib/db";
import { loadViews } from "../../src/lib/html";
import { memoryLogger } from "../../src/lib/logger";
import { createPdfRenderer, type PdfRenderer } from "../../src/reports/renderer";
import { afterThisTest } from "./cleanup";

const views = loadViews();

/**
 * An empty database with every migration applied, made once per test process and copied for each
 * test app. Migrating a new file is ~6 ms of CPU and the suite makes thousands of apps; openDatabase
 * still runs on the copy and finds nothing left to apply (test/lib/db-template.test.ts holds the copy
 * to the schema, migrations, size and journal of a newly migrated file).
 */
let template: string | undefined;
export function migratedTemplate(): string {
  template ??= newTemplate();
  return template;
}

// In the run's own temporary folder (test/support/global-setup.ts), removed with it.
function newTemplate(): string {
  const file = join(mkdtempSync(join(tmpdir(), "netmirror-template-")), "template.db");
  openDatabase(file).$client.close(); // the last connection's close checkpoints the WAL into the file and removes it
  return file;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  renderer?: PdfRenderer;
  now?: string;
}

/**
 * A whole app over a fresh SQLite file with migrations applied, a clock the test moves by hand and
 * a logger that keeps its lines. The PDF renderer is a real one that launches Chromium only when a
 * test renders; browser tests pass their own shared one.
 */
export function createTestApp(options: TestAppOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), "netmirror-test-"));
  // The key lives apart from the database's folder, as SECRETS_DIR must.
  const secretsDir = mkdtempSync(join(tmpdir(), "netmirror-secrets-"));
  copyFileSync(migratedTemplate(), join(dir, "test.db"));
  const db = openDatabase(join(dir, "test.db"), { secretsDir });
  const clock = manualClock(options.now);
  const { logger, lines } = memoryLogger();
  const config: Config = loadConfig({ PUBLIC_URL: "http://localhost", LOG_LEVEL: "silent", ...options.env });
  const renderer = options.renderer ?? createPdfRenderer({ logger, executablePath: config.chromiumPath });
  const deps = appDeps({ db, config, clock, logger, views, renderer });
  const app = createApp(deps);
  afterThisTest(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(secretsDir, { recursive: true, force: true });
  });
  return { app, db, clock, config, deps, logs: lines, dir, secretsDir };
}

export type TestApp = ReturnType<typeof createTestApp>;
