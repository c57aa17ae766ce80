import { getInstrument, localize } from "../instrument";
import type { ChartViews } from "../lib/charts";
import { formatterFor } from "../lib/format";
import type { Views } from "../lib/html";
import { comparisonView } from "./comparison-model";
import type { Comparison } from "./schemas";

/**
 * The portfolio report as one standalone HTML document (own styles, no external URL): a title
 * page, a chart per figure and the network × round table, ready for the PDF renderer. Its own
 * Content-Security-Policy (in the template) allows nothing but inline styles and data: URLs.
 */
export async function portfolioReportHtml(deps: { views: Views; charts: ChartViews }, comparison: Comparison, now: Date) {
  const fmt = formatterFor("en");
  const instrument = getInstrument(comparison.instrument.id, comparison.instrument.version);
  const instrumentTitle = instrument ? localize(instrument, "en").title : comparison.instrument.id;
  const count = comparison.networks.length;
  const subject = `${count} network${count === 1 ? "" : "s"}`;
  const html = deps.views.render(
    "compare/report",
    {
      title: `Portfolio report: ${subject} compared`,
      made: fmt.date(now),
      instrument: `${instrumentTitle}, version ${comparison.instrument.version}`,
      networks: comparison.networks.map((n) => ({ name: n.name, rounds: n.rounds.length })),
      view: await comparisonView(deps.charts, comparison),
    },
    null,
  );
  return { html, footer: `netmirror portfolio report · ${subject} · ${fmt.date(now)}` };
}
