import { authorizeNetwork } from "../auth/access";
import type { Deps } from "../lib/app-env";
import { notFound } from "../lib/errors";
import type { PageContext } from "../lib/pages";
import { pageLang } from "./organisations-model";
import { findOrganisation } from "./queries";

/** The language of an organisations page request. */
export const langOf = (c: PageContext) => pageLang(c.req.query("lang"), c.req.header("accept-language"));

/** The network (for managers) and one of its organisations, or 404. */
export function organisationOf(deps: Pick<Deps, "db">, c: PageContext) {
  const access = authorizeNetwork(deps.db, c.get("actor"), c.req.param("id") ?? "", "manage");
  const row = findOrganisation(deps.db, c.req.param("organisationId") ?? "");
  if (!row || row.networkId !== access.network.id) throw notFound("Organisation");
  return { ...access, row };
}
