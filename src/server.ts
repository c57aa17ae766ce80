import { join } from "node:path";
import { serve } from "@hono/node-server";
import { appDeps, createApp } from "./app";
import { refreezeOldMaps } from "./connections/refreeze";
import { seedDemo } from "./demo/seed";
import { createMail } from "./email/transport";
import { startMailWorker } from "./email/worker";
import { systemClock } from "./lib/clock";
import { ConfigError, loadConfig } from "./lib/config";
import { openDatabase } from "./lib/db";
import { loadViews } from "./lib/html";
import { createLogger } from "./lib/logger";
import { backfillRoundFigures } from "./portfolio/figures-write";
import { createPdfRenderer } from "./reports/renderer";
import { republishOldResults } from "./results/republish";
import { startAutoClose } from "./rounds/auto-close";
import { ensureFirstAdmin } from "./users/first-admin";

/** Reads the configuration, opens the database and serves netmirror until SIGTERM or SIGINT. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`netmirror: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const clock = systemClock;
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(join(config.dataDir, "netmirror.db"), { secretsDir: config.secretsDir });
  } catch (err) {
    // A missing or wrong key for the sealed responses and email links the database holds: say so in one line.
    if (err instanceof ConfigError) {
      process.stderr.write(`netmirror: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  // Closed rounds frozen under older anonymity rules must not keep showing what the rules now hide.
  const republished = republishOldResults({ db, clock });
  if (republished > 0) logger.info("closed rounds' results worked out again under the current rules", { rounds: republished });
  const refrozen = refreezeOldMaps({ db, clock });
  if (refrozen > 0) logger.info("closed rounds' network maps worked out again under the current rules", { rounds: refrozen });
  // Closed rounds from before the portfolio's figures get their row, so the heatmap shows them.
  const backfilled = backfillRoundFigures(db);
  if (backfilled > 0) logger.info("closed rounds' portfolio figures written", { rounds: backfilled });
  const demoLogins = config.demo ? await seedDemo({ db, clock, config, logger }) : undefined;
  await ensureFirstAdmin({ db, clock, logger }, config.admin);
  const renderer = createPdfRenderer({ executablePath: config.chromiumPath, logger });
  const views = loadViews();
  const mail = createMail(config.mail);
  const deps = appDeps({ db, config, clock, logger, views, renderer, mail });
  const app = createApp(deps);
  const stopAutoClose = startAutoClose(deps);
  // Without SMTP_URL (and outside the demo's capture) messages stay queued: nothing to start.
  const stopMail = mail.mailer ? startMailWorker({ db, clock, config, views, logger }, mail) : async () => {};

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info("netmirror is listening", { port: info.port, url: config.publicUrl });
    process.stdout.write(`\nnetmirror is running at ${config.publicUrl}\n`);
    for (const login of demoLogins ?? []) process.stdout.write(`  demo ${login.role}: ${login.email} / ${login.password}\n`);
    process.stdout.write("\n");
  });

  // A client that sends its request slowly is cut off rather than holding a connection for ever.
  if ("headersTimeout" in server) {
    server.headersTimeout = 15_000;
    server.requestTimeout = 30_000;
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    stopAutoClose();
    // Stop accepting, let in-flight requests finish, then close the browser and the database.
    server.close(async () => {
      // A message being sent finishes first; one cut off by a kill is claimed again after restart.
      await stopMail();
      mail.mailer?.close();
      await renderer.close();
      // A pool write-out scheduled by the last submissions runs before the database closes (were
      // it cut off, its rows would simply stay sealed in the pool until the next start).
      await deps.survey.writer.idle();
      db.$client.close();
      logger.info("stopped");
      process.exit(0);
    });
    // close() waits for every connection to end, and a keep-alive connection whose last request has
    // been answered stays open until its client drops it (undici after 4 s, browsers later). Closing
    // the idle ones as requests finish lets the server stop as soon as the last answer is sent.
    if ("closeIdleConnections" in server) setInterval(() => server.closeIdleConnections(), 50).unref();
    setTimeout(() => process.exit(1), 20_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

void main();
