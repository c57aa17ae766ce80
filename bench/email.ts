// Email: queuing and sending 10,000 invitations to a local SMTP server (smtp-server, in this process),
// with the send rate raised far above the default 5 per second, so the figure is netmirror's own cost.
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import type { Actor } from "../src/auth/actor";
import { rounds } from "../src/db/schema";
import { emailInvitations } from "../src/email/service";
import { createMail } from "../src/email/transport";
import { sendDue } from "../src/email/worker";
import { systemClock } from "../src/lib/clock";
import { loadConfig } from "../src/lib/config";
import { loadViews } from "../src/lib/html";
import { newId } from "../src/lib/ids";
import { createLogger } from "../src/lib/logger";
import { benchDb } from "./bench-db";
import { type Figure, figure } from "./figures";
import { insertOpenRound } from "./open-round";

const SECTION = "Email (in process, synchronous=FULL, local SMTP server)";
const MEMBERS = 10_000;
/** Messages per second for the bench: the server's default is 5. */
const BENCH_RATE = 10_000;

/** A local SMTP server that accepts everything and counts what it got (no parsing: our cost, not its). */
async function countingServer() {
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Queues 10,000 invitations (one transaction: links made, tokens sealed, messages queued) and sends them all. */
export async function benchEmail(): Promise<{ figures: Figure[] }> {
  const bench = benchDb("email");
  const smtp = await countingServer();
  try {
    const { db } = bench;
    const now = Date.now();
    const roundId = insertOpenRound(db, now);
    db.$client.prepare("update rounds set closes_at = ? where id = ?").run(now + 21 * 86_400_000, roundId);
    const round = db.select().from(rounds).where(eq(rounds.id, roundId)).get();
    if (!round) throw new Error("bench round missing");
    const userId = newId();
    db.$client
      .prepare(
        "insert into users (id, email, name, role, password_hash, created_at) values (?, 'bench@example.org', 'Bench Facilitator', 'facilitator', 'x', ?)",
      )
      .run(userId, now);
    const addMember = db.$client.prepare(
      "insert into members (id, network_id, name, email, organisation, created_at) values (?, ?, ?, ?, '', ?)",
    );
    db.$client.transaction(() => {
      for (let i = 0; i < MEMBERS; i++) addMember.run(newId(), round.networkId, `Member ${i}`, `member${i}@example.org`, now);
    })();
    const actor: Actor = { userId, email: "bench@example.org", name: "Bench Facilitator", role: "facilitator", via: "session" };
    const config = loadConfig({ SMTP_URL: smtp.url, MAIL_FROM: "bench@example.org", MAIL_RATE: String(BENCH_RATE), LOG_LEVEL: "silent" });
    const deps = { db, clock: systemClock, config, views: loadViews(), logger: createLogger("silent") };

    const queueStart = performance.now();
    const queued = emailInvitations(deps, actor, round, {}).queued;
    const queueMs = performance.now() - queueStart;

    const mail = createMail(config.mail);
    const sendStart = performance.now();
    const counts = await sendDue(deps, mail);
    const sendMs = performance.now() - sendStart;
    mail.mailer?.close();
    if (queued !== MEMBERS || counts.sent !== MEMBERS || smtp.received() !== MEMBERS)
      throw new Error(`queued ${queued}, sent ${counts.sent}, received ${smtp.received()} of ${MEMBERS}`);
    const section = SECTION;
    return {
      figures: [
        figure({
          section,
          name: `queue ${MEMBERS.toLocaleString("en-GB")} invitations (links made, tokens sealed, one transaction)`,
          value: Math.round(queueMs),
          unit: "ms",
        }),
        figure({
          section,
          name: `send ${MEMBERS.toLocaleString("en-GB")} invitations over one SMTP connection (MAIL_RATE=${BENCH_RATE})`,
          value: Math.round(sendMs / 100) / 10,
          unit: "s",
          note: `${Math.round(MEMBERS / (sendMs / 1000))} messages/s; at the default 5 per second the same 10,000 take about 33 min`,
        }),
      ],
    };
  } finally {
    await smtp.close();
    bench.close();
  }
}
