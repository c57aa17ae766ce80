// The report every PDF figure renders: bench/report.ts's demo-like round (40 of 52 responses, an
// earlier round, released comments, actions; about 12 A4 pages), so that both sections of
// BENCHMARKS.md measure the same document.

import { messagesFor } from "../src/i18n/report";
import { createChartViews } from "../src/lib/charts";
import { manualClock } from "../src/lib/clock";
import type { Db } from "../src/lib/db";
import { loadViews } from "../src/lib/html";
import type { PdfOptions, PdfRenderer } from "../src/reports/renderer";
import { reportHtml } from "../src/reports/service";
import { demoReportRounds } from "../test/reports/fixtures";
import { makeNetwork } from "../test/support/factories";

export interface DemoReport {
  roundId: string;
  html: string;
  /** The footer and page labels the report route passes to the renderer. */
  options: PdfOptions;
}

/** Builds the demo-like network in `db` and returns its latest round's English report. */
export async function demoReport(db: Db, renderer: PdfRenderer): Promise<DemoReport> {
  const deps = { db, clock: manualClock("2025-10-01T09:00:00Z"), views: loadViews(), renderer, charts: createChartViews() };
  const network = makeNetwork(deps, { name: "North Valley Integrated Care Partnership", stage: "established" });
  const { round } = demoReportRounds(deps, network.id, 40, 52);
  const html = await reportHtml(deps, round, network, "en");
  const m = messagesFor("en");
  return { roundId: round.id, html, options: { footer: `${network.name} · ${round.title}`, pageLabel: m.page.page, ofLabel: m.page.of } };
}
