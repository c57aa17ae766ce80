/** What a failed send means for the message and for the outbox. */
export type SendFailure =
  /** Try again later: 4xx, timeouts, connection refused or dropped. */
  | { kind: "temporary"; message: string }
  /** The recipient's address was refused (5xx at RCPT TO): the member is marked bounced. */
  | { kind: "bounced"; message: string }
  /** This one message was refused for good (5xx after the recipient was accepted). */
  | { kind: "rejected"; message: string }
  /** The whole session failed (sign-in, TLS, the server refusing us before any recipient): pause the outbox. */
  | { kind: "session"; message: string };

interface TransportError {
  code?: string;
  responseCode?: number;
  command?: string;
}

const TEMPORARY_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET", "EPROTOCOL"]);

/**
 * Sorts a transport error into plain words a facilitator can act on. Never uses the error's own
 * message: servers echo addresses and commands in it, and it is shown on pages.
 */
export function classifySendError(err: unknown): SendFailure {
  const e = (typeof err === "object" && err !== null ? err : {}) as TransportError;
  const code = e.responseCode;
  const at = e.command ?? "";
  if (e.code === "EAUTH" || e.code === "ENOAUTH" || /^AUTH/i.test(at))
    return { kind: "session", message: "The mail server refused to sign in: check the user and password in SMTP_URL." };
  if (e.code === "ETLS" || e.code === "EREQUIRETLS" || /STARTTLS/i.test(at))
    return {
      kind: "session",
      message:
        "A secure (TLS) connection to the mail server could not be made: check SMTP_URL (smtp:// or smtps://) and the server's certificate.",
    };
  if (code !== undefined && code >= 500) {
    if (/^RCPT/i.test(at)) return { kind: "bounced", message: `The member's mail server refused the address (${code}).` };
    if (/^DATA/i.test(at) || at === "") return { kind: "rejected", message: `The mail server refused this message (${code}).` };
    return {
      kind: "session",
      message: `The mail server refused to send for netmirror (${code} at ${at.split(" ")[0]}): check MAIL_FROM and the server's settings.`,
    };
  }
  if (code !== undefined && code >= 400) return { kind: "temporary", message: `The mail server asked to try again later (${code}).` };
  if (e.code && TEMPORARY_CODES.has(e.code))
    return { kind: "temporary", message: "The mail server could not be reached or stopped answering." };
  return { kind: "temporary", message: "Sending failed for a reason the mail server did not say." };
}
