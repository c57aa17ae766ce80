// A real SMTP server inside the test process (smtp-server), each message parsed with mailparser:
// invitations and reminders are checked as a mail client would see them, not through a mock transport.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { afterThisTest } from "./cleanup";

export interface SmtpBehaviour {
  /** An SMTP code to answer RCPT TO for this address (e.g. 550 or 451), or undefined to accept. `count` is how often it was tried. */
  rcpt?: (address: string, count: number) => number | undefined;
  /** An SMTP code to answer MAIL FROM with (e.g. 553: the whole session refused before any recipient). */
  mailFrom?: number;
  /** Ask for a password and refuse every one. */
  refuseAuth?: boolean;
  /** Read each message but never answer it (a server that hangs mid-send). */
  hold?: boolean;
}

export interface Received {
  to: string;
  at: number;
  mail: ParsedMail;
}

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/** Starts the server on a free port of 127.0.0.1 and closes it when the test ends. */
export async function startSmtp(behaviour: SmtpBehaviour = {}) {
  const received: Received[] = [];
  const tries = new Map<string, number>();
  let heldData = 0;
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    disabledCommands: behaviour.refuseAuth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !behaviour.refuseAuth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(smtpError(535, "Authentication credentials invalid"));
    },
    onMailFrom(_address, _session, callback) {
      if (behaviour.mailFrom) return callback(smtpError(behaviour.mailFrom, "Sender refused"));
      callback();
    },
    onRcptTo(address, _session, callback) {
      const count = (tries.get(address.address) ?? 0) + 1;
      tries.set(address.address, count);
      const code = behaviour.rcpt?.(address.address, count);
      if (code) return callback(smtpError(code, code >= 500 ? "No such user here" : "Try again later"));
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (behaviour.hold) {
          heldData++;
          for (const w of waiters.splice(0)) w();
          return;
        }
        const mail = await simpleParser(Buffer.concat(chunks));
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        received.push({ to, at: performance.now(), mail });
        callback();
        for (const w of waiters.splice(0)) w();
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  afterThisTest(() => void close());
  return {
    url: behaviour.refuseAuth ? `smtp://someone:wrong-password@127.0.0.1:${port}` : `smtp://127.0.0.1:${port}`,
    received,
    /** How many times RCPT TO was tried for an address. */
    tries: (address: string) => tries.get(address) ?? 0,
    /** How many messages a holding server has read without answering. */
    held: () => heldData,
    /** Resolves once something more has arrived (a message, or a held one). */
    next: () => new Promise<void>((resolve) => waiters.push(resolve)),
    close,
  };
}

export type TestSmtp = Awaited<ReturnType<typeof startSmtp>>;
