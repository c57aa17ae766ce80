import type { MemberEmailState } from "./status";

/** A member's email state in plain words, for the facilitator's pages. */
export function emailStateLabel(
  s: { state: MemberEmailState; kind: "invitation" | "reminder" | null; number: number },
  configured: boolean,
): string {
  const what = s.kind === "reminder" ? `Reminder ${s.number}` : "Invitation";
  switch (s.state) {
    case "unsubscribed":
      return "Unsubscribed";
    case "bounced":
      return "Bounced: the address was refused";
    case "not_emailed":
      return "Not emailed";
    case "handed_out":
      return "Link handed out another way";
    case "queued":
      return configured ? `${what} queued` : `${what} not sent: no mail server configured`;
    case "sending":
      return `${what} being sent`;
    case "sent":
      return `${what} sent`;
    case "failed":
      return `${what} failed`;
    case "cancelled":
      return `${what} not sent (no longer needed)`;
  }
}
