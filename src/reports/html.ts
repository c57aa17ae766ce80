// The report as one standalone HTML document: inline CSS, inline SVG, no external URL at all, and
// its own CSP in a meta element, so that the same document is safe in a browser and in Chromium.
import type { Views } from "../lib/html";
import type { ReportModel } from "./report-model";

/** The CSP of the report document (the PDF's meta element; the preview adds frame-ancestors). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Links of the browser preview's toolbar (never printed). */
export interface PreviewLinks {
  backUrl: string;
  pdfUrl: string;
  otherLanguageUrl: string;
  otherLanguage: string;
}

/**
 * Renders the report model to HTML. Everything people typed is escaped by `{{ }}`; the only raw
 * insertions are chart SVGs built by our own code (lib/charts.ts).
 * @example renderReportHtml(views, await reportModel(db, round, network, "en", new Date()))
 */
export function renderReportHtml(views: Views, model: ReportModel, preview?: PreviewLinks): string {
  return views.render("report/report", { ...model, preview }, "report");
}
