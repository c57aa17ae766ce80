// A server's mail worker alone, in a process of its own, for the test that kills it mid-send:
// DB_FILE and SECRETS_DIR name the test's files, SMTP_URL its server. Prints "claimed" once sending starts.

import { createMail } from "../../src/email/transport";
import { sendDue } from "../../src/email/worker";
import { systemClock } from "../../src/lib/clock";
import { loadConfig } from "../../src/lib/config";
import { openDatabase } from "../../src/lib/db";
import { loadViews } from "../../src/lib/html";
import { createLogger } from "../../src/lib/logger";

const config = loadConfig(process.env);
const db = openDatabase(process.env.DB_FILE as string, { secretsDir: process.env.SECRETS_DIR });
const mail = createMail(config.mail);
process.stdout.write("ready\n");
void sendDue({ db, clock: systemClock, config, views: loadViews(), logger: createLogger("silent") }, mail);
