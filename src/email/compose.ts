import type { EmailKind, NetworkRow, RoundRow } from "../db/schema";
import { EMAIL_MESSAGES, fill } from "../i18n/email";
import type { Config } from "../lib/config";
import type { Views } from "../lib/html";
import { zonedDateTime } from "../lib/zoned-time";
import type { OutgoingMail } from "./transport";

export interface MessageParts {
  kind: EmailKind;
  round: Pick<RoundRow, "title" | "language" | "closesAt" | "minResponses">;
  network: Pick<NetworkRow, "name" | "timeZone">;
  member: { name: string; email: string };
  /** The facilitator it is from; null when their account is gone. */
  sender: { name: string; email: string } | null;
  /** About how long the round's questionnaire takes (src/survey/length.ts). */
  minutes: number;
  /** The member's survey link (from the sealed token, opened just now). */
  surveyUrl: string;
  unsubscribeUrl: string;
}

/**
 * An invitation or reminder in the round's language, plain text and simple HTML, with one-click
 * unsubscribe headers (RFC 8058). Built at the moment it is sent: the link in it is never stored.
 */
export function composeMail(views: Views, config: Pick<Config, "mail">, parts: MessageParts): OutgoingMail {
  const t = EMAIL_MESSAGES[parts.round.language];
  const sender = parts.sender?.name ?? parts.network.name;
  const values = {
    network: parts.network.name,
    round: parts.round.title,
    name: parts.member.name,
    sender,
    n: String(parts.round.minResponses),
  };
  const closesAt = parts.round.closesAt;
  const words = {
    subject: fill(parts.kind === "invitation" ? t.invitationSubject : t.reminderSubject, values),
    greeting: fill(t.greeting, values),
    intro: fill(parts.kind === "invitation" ? t.invitationIntro : t.reminderIntro, values),
    time: fill(t.time, { minutes: String(parts.minutes) }),
    linkLabel: t.linkLabel,
    button: t.button,
    personal: t.personal,
    anonymity: fill(t.anonymity, values),
    closes: closesAt ? fill(t.closes, { date: zonedDateTime(closesAt, parts.network.timeZone, t.locale) }) : null,
    replyTo: fill(t.replyTo, values),
    why: fill(t.why, values),
    unsubscribe: fill(t.unsubscribe, values),
  };
  const text = [
    words.greeting,
    `${words.intro} ${words.time}`,
    `${words.linkLabel}\n${parts.surveyUrl}`,
    words.personal,
    words.anonymity,
    words.closes,
    words.replyTo,
    `--\n${words.why}\n${words.unsubscribe} ${parts.unsubscribeUrl}`,
  ]
    .filter((p): p is string => Boolean(p))
    .join("\n\n");
  const html = views.render(
    "email/message",
    { ...words, lang: parts.round.language, url: parts.surveyUrl, unsubscribeUrl: parts.unsubscribeUrl },
    null,
  );
  return {
    from: { name: `${sender} via netmirror`, address: config.mail.from },
    to: parts.member.email,
    replyTo: parts.sender?.email,
    subject: words.subject,
    text: `${text}\n`,
    html,
    headers: {
      "List-Unsubscribe": `<${parts.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      // Out-of-office replies should not answer a survey invitation.
      "Auto-Submitted": "auto-generated",
    },
  };
}
