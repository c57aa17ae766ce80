// The report verbs: a closed round's report as HTML (preview) and as PDF (cached per language).
import type { NetworkRow, RoundRow } from "../db/schema";
import { messagesFor } from "../i18n/report";
import type { Lang } from "../instrument";
import type { ChartViews } from "../lib/charts";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { AppError } from "../lib/errors";
import type { Views } from "../lib/html";
import { cachedReport, reportCacheKey, storeReport } from "./cache";
import { reportFilename } from "./filename";
import { type PreviewLinks, renderReportHtml } from "./html";
import type { PdfRenderer } from "./renderer";
import { reportModel } from "./report-model";

export interface ReportDeps {
  db: Db;
  clock: Clock;
  views: Views;
  renderer: PdfRenderer;
  charts: ChartViews;
}

function assertClosed(round: RoundRow): void {
  if (round.status !== "closed") throw new AppError("not_ready", "The mirror report is available when the round closes");
}

/** The report as one standalone HTML document; `preview` adds the browser toolbar. */
export async function reportHtml(
  deps: ReportDeps,
  round: RoundRow,
  network: NetworkRow,
  lang: Lang,
  preview?: PreviewLinks,
): Promise<string> {
  assertClosed(round);
  return renderReportHtml(deps.views, await reportModel(deps, round, network, lang, deps.clock.now()), preview);
}

/**
 * The report as PDF. The HTML is built every time; the PDF is served from the cache while that
 * HTML is unchanged (no browser involved), else rendered, stored and returned. 503 when no browser
 * can render it.
 */
export async function reportPdf(deps: ReportDeps, round: RoundRow, network: NetworkRow, lang: Lang) {
  assertClosed(round);
  const filename = reportFilename(network.name, round.title, lang);
  const html = await reportHtml(deps, round, network, lang);
  const m = messagesFor(lang);
  const pageSetup = { footer: `${network.name} · ${round.title}`, pageLabel: m.page.page, ofLabel: m.page.of };
  const key = reportCacheKey(html, pageSetup);
  const cached = cachedReport(deps.db, round.id, lang, key);
  if (cached) return { pdf: cached, filename, cached: true };
  const pdf = await deps.renderer.render(html, pageSetup);
  storeReport(deps, round.id, lang, key, pdf);
  return { pdf, filename, cached: false };
}
