/** The round page's notice after an email action (`?email=`), built from numbers in the query only: nothing typed is echoed. */
export function emailNotice(query: (key: string) => string | undefined): string | undefined {
  const n = (key: string) => Math.max(0, Number.parseInt(query(key) ?? "0", 10) || 0);
  const messages = (k: number) => `${k.toLocaleString("en-GB")} ${k === 1 ? "message" : "messages"}`;
  switch (query("email")) {
    case "invited": {
      const skipped = n("handedOut");
      const note = skipped > 0 ? ` ${skipped.toLocaleString("en-GB")} skipped because their link was handed out another way.` : "";
      return `Invitations queued: ${messages(n("queued"))}.${note}`;
    }
    case "reminded":
      return `A reminder was queued for ${messages(n("queued"))}: members who have not answered, unsubscribed or bounced.`;
    case "schedule":
      return "The reminders were saved.";
    default:
      return undefined;
  }
}
