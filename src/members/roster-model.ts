import type { NetworkRow } from "../db/schema";
import { suppressedAddresses } from "../email/outbox";
import type { Deps } from "../lib/app-env";
import type { ErrorDetail } from "../lib/errors";
import { formatterFor } from "../lib/format";
import { type PageContext, page } from "../lib/pages";
import { listMembers } from "./service";

const count = (n: number) => formatterFor("en").count(n);

/** "1 member", "5,000 members". */
export const members = (n: number) => `${count(n)} ${n === 1 ? "member" : "members"}`;

/** The notice after a redirect (`?done=`), built from the query only: nothing typed is echoed. */
export function rosterNotice(query: (key: string) => string | undefined): string | undefined {
  const done = query("done");
  if (done === "added") return "The member was added.";
  if (done === "removed") return "The member was removed, with their invitation links.";
  if (done !== "imported") return undefined;
  const added = Number.parseInt(query("count") ?? "0", 10) || 0;
  const skipped = Number.parseInt(query("skipped") ?? "0", 10) || 0;
  const note = skipped > 0 ? ` ${count(skipped)} skipped: their email reached the roster while you were checking the import.` : "";
  return `${members(added)} added.${note}`;
}

/** The roster page: members, add one, import, export. `extra` carries notices, errors and typed values. */
export function renderRoster(
  c: PageContext,
  deps: Pick<Deps, "db" | "views">,
  network: NetworkRow,
  extra: { notice?: string; errors?: ErrorDetail[]; errorsByField?: Record<string, string>; values?: Record<string, string> } = {},
  status: 200 | 400 = 200,
) {
  // Unsubscribed or bounced addresses get no survey email from this network: say so beside them.
  const suppressed = suppressedAddresses(deps.db, network.id);
  const list = listMembers(deps.db, network.id).map((m) => {
    const why = m.email ? suppressed.get(m.email) : undefined;
    return { ...m, emailState: why === "unsubscribed" ? "unsubscribed" : why === "bounced" ? "bounced" : null };
  });
  return page(
    c,
    deps.views,
    "members/roster",
    {
      title: `Roster · ${network.name}`,
      network: { id: network.id, name: network.name },
      members: list,
      memberCount: members(list.length),
      ...extra,
    },
    status,
  );
}
export type { NetworkRow } from "../db/schema";
