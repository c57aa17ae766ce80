import { Hono } from "hono";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import type { AppEnv, Deps } from "../lib/app-env";
import { attachment } from "../lib/csv";
import { type PageContext, page, signedInActor } from "../lib/pages";
import { parseInput } from "../lib/validation";
import { listNetworks } from "../networks/service";
import { comparisonView } from "./comparison-model";
import { comparisonCsv, comparisonFilename } from "./csv";
import { mapView } from "./map-view";
import { maturityView } from "./maturity-view";
import { networkOverTime } from "./network-history";
import { portfolioReportHtml } from "./report";
import { InstrumentParam, NetworkIdsSchema, splitIds } from "./schemas";
import { compareNetworks } from "./service";

const PageQuery = z.object({ networkIds: NetworkIdsSchema, instrument: InstrumentParam });

/**
 * The comparison asked for, from checkboxes (networkIds repeated) or a pasted comma-separated list:
 * 400 naming networkIds when the list is bad, 404 when any network may not be seen.
 */
function comparisonOf(c: PageContext, actor: Actor, deps: Deps, raw: string[]) {
  const query = parseInput(PageQuery, { networkIds: splitIds(raw), instrument: c.req.query("instrument") });
  // The same choice again, for the download links.
  const again = new URLSearchParams({ networkIds: query.networkIds.join(",") });
  if (query.instrument !== "core") again.set("instrument", query.instrument);
  return { ids: query.networkIds, query: again.toString(), comparison: compareNetworks(deps, actor, query) };
}

/** For the downloads, which need at least one network ("" fails as "choose at least one"). */
const requiredComparison = (c: PageContext, actor: Actor, deps: Deps) => comparisonOf(c, actor, deps, c.req.queries("networkIds") ?? [""]);

/** The compare page and its CSV and PDF downloads (signed-in users; access per network). */
export function comparePages(deps: Deps) {
  const { db, views, clock } = deps;
  const app = new Hono<AppEnv>();

  app.get("/compare", async (c) => {
    const actor = signedInActor(c);
    // The page alone (nothing chosen yet) shows the choice of networks.
    const raw = c.req.queries("networkIds");
    const requested = raw ? comparisonOf(c, actor, deps, raw) : undefined;
    const chosen = new Set(requested?.ids ?? []);
    const choices = listNetworks(db, actor).map((n) => ({ id: n.id, name: n.name, checked: chosen.has(n.id) }));
    return page(c, views, "compare/compare", {
      title: "Compare networks",
      wide: true,
      choices,
      view: requested ? await comparisonView(deps.charts, requested.comparison) : null,
      maturity: requested ? maturityView(requested.comparison) : null,
      map: requested ? mapView(requested.comparison) : null,
      csvHref: `/compare.csv?${requested?.query ?? ""}`,
      pdfHref: `/compare.pdf?${requested?.query ?? ""}`,
    });
  });

  // One network over time: what a commissioner opens from the network page (no comments anywhere).
  app.get("/networks/:id/history", async (c) => {
    const actor = signedInActor(c);
    const comparison = networkOverTime(deps, actor, c.req.param("id"));
    const network = comparison.networks[0];
    const query = new URLSearchParams({ networkIds: network?.id ?? "" }).toString();
    return page(c, views, "compare/history", {
      title: `Results over time · ${network?.name ?? ""}`,
      wide: true,
      network: { id: network?.id, name: network?.name },
      empty: (network?.rounds.length ?? 0) === 0,
      view: await comparisonView(deps.charts, comparison),
      caption: "Every closed round of this network, oldest first",
      csvHref: `/compare.csv?${query}`,
      pdfHref: `/compare.pdf?${query}`,
    });
  });

  app.get("/compare.csv", (c) => {
    const actor = signedInActor(c);
    const requested = requiredComparison(c, actor, deps);
    return c.body(comparisonCsv(requested.comparison), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(comparisonFilename(clock.now(), "csv")),
      "Cache-Control": "no-store",
    });
  });

  app.get("/compare.pdf", async (c) => {
    const actor = signedInActor(c);
    const requested = requiredComparison(c, actor, deps);
    const { html, footer } = await portfolioReportHtml(deps, requested.comparison, clock.now());
    const pdf = await deps.renderer.render(html, { footer });
    return c.body(new Uint8Array(pdf), 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(comparisonFilename(clock.now(), "pdf")),
      "Cache-Control": "no-store",
    });
  });

  return app;
}
