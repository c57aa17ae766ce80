import { and, count, eq, ne } from "drizzle-orm";
import { members } from "../db/schema";
import type { Db } from "../lib/db";
import { byName, listOrganisations, sameName } from "./queries";
import { MAX_ORGANISATION_NAME } from "./schemas";
import { guessOrganisationType } from "./types";

/** A name from the roster's organisation column that is not in the list yet. */
export interface RosterName {
  name: string;
  /** How many members name it (any spelling). */
  members: number;
  /** A first guess from the name, for the form to preselect. */
  type: string;
}

/**
 * The distinct organisations named in a network's roster and not yet in its list (case and
 * surrounding space aside), in name order. Spellings that differ only in case count as one, under
 * the one most members use. Names too long to be an organisation's are counted in `tooLong`;
 * `anyNamed` says whether the roster names any organisation at all.
 */
export function rosterOrganisationNames(
  db: Db,
  networkId: string,
  /** The names already listed, when the caller has read them (the organisations page). */
  listedNames?: readonly string[],
): { names: RosterName[]; tooLong: number; anyNamed: boolean } {
  const rows = db
    .select({ organisation: members.organisation, n: count() })
    .from(members)
    .where(and(eq(members.networkId, networkId), ne(members.organisation, "")))
    .groupBy(members.organisation)
    .all();
  const listed = listedNames ?? listOrganisations(db, networkId).map((o) => o.name);
  let anyNamed = false;
  const byKey = new Map<string, { name: string; best: number; members: number }>();
  for (const row of rows) {
    const name = row.organisation.trim();
    if (name === "") continue;
    anyNamed = true;
    if (listed.some((l) => sameName(l, name))) continue;
    const key = name.toLocaleLowerCase("en");
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { name, best: row.n, members: row.n });
    else {
      seen.members += row.n;
      if (row.n > seen.best || (row.n === seen.best && name < seen.name)) Object.assign(seen, { name, best: row.n });
    }
  }
  const all = [...byKey.values()];
  const names = all
    .filter((n) => n.name.length <= MAX_ORGANISATION_NAME)
    .map((n) => ({ name: n.name, members: n.members, type: guessOrganisationType(n.name) }))
    .sort((a, b) => byName({ name: a.name, id: "" }, { name: b.name, id: "" }) || (a.name < b.name ? -1 : 1));
  return { names, tooLong: all.length - names.length, anyNamed };
}
