import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLAIM_LEASE_MS } from "../../src/email/claim";
import { setReminders } from "../../src/email/reminders";
import { emailInvitations } from "../../src/email/service";
import { createMail } from "../../src/email/transport";
import { sendDue } from "../../src/email/worker";
import { openDatabase } from "../../src/lib/db";
import { afterThisTest } from "../support/cleanup";
import { startSmtp } from "../support/smtp";
import { emailWorld, linkIn, outboxOf } from "./support";

describe("a server killed mid-send", () => {
  it("loses nothing: the message it was sending is sent after restart (at most once more)", async () => {
    const holding = await startSmtp({ hold: true });
    // The child runs on the real clock: the round must still be open then.
    const w = emailWorld(holding, { emails: ["ana@members.example"], closesAt: new Date(Date.now() + 30 * 86_400_000) });
    // No reminders: the clock jumps to the real one below, and they would fall due too.
    setReminders(w.t, w.actor, w.round, []);
    emailInvitations(w.t, w.actor, w.round, {});
    const dbFile = join(w.t.dir, "test.db");
    // The worker in a real process: it claims the message, sends it, and the server never answers.
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/mail-worker-child.ts"], {
      env: {
        ...process.env,
        DB_FILE: dbFile,
        SECRETS_DIR: w.t.secretsDir,
        SMTP_URL: holding.url,
        MAIL_FROM: "surveys@netmirror.example",
        LOG_LEVEL: "silent",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    child.on("exit", (code) => {
      if (code !== null) holding.received.push({ to: `child exited ${code}: ${output}`, at: 0, mail: {} as never });
    });
    afterThisTest(() => child.kill("SIGKILL"));
    const arrived = holding.next();
    await arrived;
    expect(holding.held()).toBe(1);
    expect(outboxOf(w.t, w.round.id)[0]).toMatchObject({ status: "sending", attempts: 1 });
    child.kill("SIGKILL");
    await exited;

    // Restart: a new process on the same files, sending to a server that answers.
    const smtp = await startSmtp();
    const db = openDatabase(dbFile, { secretsDir: w.t.secretsDir });
    afterThisTest(() => db.$client.close());
    const config = { ...w.t.config, mail: { ...w.t.config.mail, smtpUrl: smtp.url } };
    const mail = createMail(config.mail);
    afterThisTest(() => mail.mailer?.close());
    const deps = { ...w.t.deps, db, config };
    // Before its lease runs out the message is another process's to finish; after, it is sent again.
    w.t.clock.set(new Date(Date.now() + CLAIM_LEASE_MS - 10_000));
    expect(await sendDue({ ...deps, sleep: async () => {} }, mail)).toMatchObject({ sent: 0 });
    w.t.clock.set(new Date(Date.now() + CLAIM_LEASE_MS + 1_000));
    expect(await sendDue({ ...deps, sleep: async () => {} }, mail)).toMatchObject({ sent: 1 });
    expect(smtp.received.map((r) => r.to)).toEqual(["ana@members.example"]);
    expect(linkIn(smtp.received[0]?.mail.text)).toMatch(/\/s\//);
    expect(outboxOf({ ...w.t, db }, w.round.id)[0]).toMatchObject({ status: "sent", attempts: 2 });
  });
});
