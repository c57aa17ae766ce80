import { readFileSync } from "node:fs";
import nodemailer from "nodemailer";
import type { MailConfig } from "../lib/mail-config";
import { type CapturedMail, capturedMail } from "./captured";

/** One message ready to go: built at the moment it is sent, never stored. */
export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Sends one message, or throws the transport's error (classified by classify.ts). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** What the server sends with: a mailer (SMTP, or the demo's capture), or none when SMTP_URL is not set. */
export interface Mail {
  mailer: Mailer | null;
  /** The demo's kept messages (MAIL_CAPTURE=1), for administrators to read. */
  captured: CapturedMail | null;
  /** Messages per second at most. */
  ratePerSecond: number;
}

/** A mailer over SMTP: one connection kept open between messages, timeouts short enough that a stuck server shows. */
function smtpMailer(config: MailConfig & { smtpUrl: string }): Mailer {
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    dkim: config.dkim && {
      domainName: config.dkim.domainName,
      keySelector: config.dkim.keySelector,
      privateKey: readFileSync(config.dkim.privateKeyFile, "utf8"),
    },
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(mail) {
      await transport.sendMail({
        from: mail.from,
        to: mail.to,
        replyTo: mail.replyTo,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
    },
    close: () => transport.close(),
  };
}

/**
 * The mail of a configuration, made once at start (server.ts) and shared by the app and the worker.
 * Reads the DKIM key file, if one is set.
 */
export function createMail(config: MailConfig): Mail {
  if (config.capture) {
    const captured = capturedMail();
    return { mailer: captured.mailer, captured, ratePerSecond: config.ratePerSecond };
  }
  return {
    mailer: config.smtpUrl ? smtpMailer({ ...config, smtpUrl: config.smtpUrl }) : null,
    captured: null,
    ratePerSecond: config.ratePerSecond,
  };
}
