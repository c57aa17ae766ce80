// The network map's cost: the demo-like report with a 60-organisation map against the same report
// without it (HTML and PDF, runs interleaved so that a busy moment hits both alike), and the
// layout of 60 organisations. Part of `npm run bench:report`; `npx tsx bench/network-map.ts` runs it alone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { freezeNetworkMap } from "../src/connections/freeze-map";
import { frozenNetworkMap } from "../src/connections/frozen-map";
import { mapDrawing } from "../src/connections/map-drawing";
import { layoutMap } from "../src/connections/map-layout";
import { type RoundRow, rounds } from "../src/db/schema";
import { messagesFor } from "../src/i18n/report";
import { type ChartViews, createChartViews } from "../src/lib/charts";
import { type Clock, manualClock } from "../src/lib/clock";
import type { Db } from "../src/lib/db";
import { openDatabase } from "../src/lib/db";
import { loadViews, type Views } from "../src/lib/html";
import { createLogger } from "../src/lib/logger";
import { createPdfRenderer, type PdfRenderer } from "../src/reports/renderer";
import { reportHtml } from "../src/reports/service";
import { demoReportRounds } from "../test/reports/fixtures";
import { addRoundOrganisations, insertConnections, syntheticNetwork } from "../test/support/connections";
import { makeNetwork } from "../test/support/factories";
import { median, ms, p95, type Row } from "./report-support";

type Deps = { db: Db; clock: Clock & { advance(ms: number): void }; views: Views; renderer: PdfRenderer; charts: ChartViews };

export interface NetworkMapFigures {
  organisations: number;
  ties: number;
  without: { htmlMedianMs: number; pdfMedianMs: number; totalMs: number };
  withMap: { htmlMedianMs: number; pdfMedianMs: number; totalMs: number };
  ratio: number;
  layoutAllTiesMedianMs: number;
  layoutAllTiesP95Ms: number;
  drawingMedianMs: number;
}

/** Measures the report with and without a 60-organisation map, and the map's layout. */
export async function networkMapFigures(deps: Deps, runs = 8): Promise<NetworkMapFigures> {
  const network = makeNetwork(deps, { name: "Sixty Organisations Care Network", stage: "established" });
  const { round } = demoReportRounds(deps, network.id, 40, 52);
  // The same closed round given the module afterwards: 60 organisations, 3 respondents each.
  const withModule = deps.db
    .update(rounds)
    .set({ modules: ["connections"] })
    .where(eq(rounds.id, round.id))
    .returning()
    .get() as RoundRow;
  const data = syntheticNetwork(60, 3);
  addRoundOrganisations(deps, network.id, round.id, data.organisations);
  insertConnections(deps, round.id, data.records);
  freezeNetworkMap(deps.db, deps.clock, withModule);
  const withoutModule: RoundRow = { ...withModule, modules: [] };
  const m = messagesFor("en");
  const options = { footer: `${network.name} · ${round.title}`, pageLabel: m.page.page, ofLabel: m.page.of };

  const html = { without: [] as number[], withMap: [] as number[] };
  const pdf = { without: [] as number[], withMap: [] as number[] };
  const time = async (fn: () => Promise<unknown>) => {
    const started = performance.now();
    await fn();
    return performance.now() - started;
  };
  // One of each first, unmeasured: the renderer's page and both code paths warm up.
  for (let i = 0; i < runs + 1; i++) {
    for (const [key, r] of [
      ["without", withoutModule],
      ["withMap", withModule],
    ] as const) {
      let document = "";
      const htmlMs = await time(async () => {
        document = await reportHtml(deps, r, network, "en");
      });
      const pdfMs = await time(() => deps.renderer.render(document, options));
      if (i === 0) continue;
      html[key].push(htmlMs);
      pdf[key].push(pdfMs);
    }
  }

  const frozen = frozenNetworkMap(deps.db, round.id);
  const map = frozen?.map;
  if (!frozen || !map || map.suppressed) throw new Error("the bench's map is suppressed");
  const about = new Map(data.organisations.map((org) => [org.id, org]));
  const nodes = map.organisations.map((org) => ({
    ...(about.get(org.id) ?? { id: org.id, name: org.id, type: "other" }),
    degree: org.degree,
  }));
  const layouts: number[] = [];
  const drawings: number[] = [];
  for (let i = 0; i < 20; i++) {
    layouts.push(await time(async () => layoutMap(nodes, map.ties)));
    drawings.push(await time(async () => mapDrawing(nodes, frozen.positions, map.ties, String)));
  }
  const figures = (key: "without" | "withMap") => {
    const htmlMedianMs = ms(median(html[key]));
    const pdfMedianMs = ms(median(pdf[key]));
    return { htmlMedianMs, pdfMedianMs, totalMs: ms(htmlMedianMs + pdfMedianMs) };
  };
  const without = figures("without");
  const withMap = figures("withMap");
  return {
    organisations: 60,
    ties: map.metrics.ties,
    without,
    withMap,
    ratio: Math.round((withMap.totalMs / without.totalMs) * 100) / 100,
    layoutAllTiesMedianMs: ms(median(layouts)),
    layoutAllTiesP95Ms: ms(p95(layouts)),
    drawingMedianMs: ms(median(drawings)),
  };
}

/** The figures as rows of the report bench's table. */
export function networkMapRows(f: NetworkMapFigures): Row[] {
  return [
    {
      what: `Report with a ${f.organisations}-organisation network map (${f.ties} ties) vs without: model + HTML + PDF, median`,
      value: `${f.withMap.totalMs} vs ${f.without.totalMs} ms (${f.ratio}×; HTML ${f.withMap.htmlMedianMs} vs ${f.without.htmlMedianMs}, PDF ${f.withMap.pdfMedianMs} vs ${f.without.pdfMedianMs})`,
      target: "≤ 1.5×",
      met: f.ratio <= 1.5,
    },
    {
      what: `Layout of ${f.organisations} organisations, every tie (ForceAtlas2 + overlap removal), median / p95`,
      value: `${f.layoutAllTiesMedianMs} / ${f.layoutAllTiesP95Ms} ms`,
      target: "< 100 ms",
      met: f.layoutAllTiesMedianMs < 100,
    },
    {
      what: "… the map drawn from its frozen positions (no layout; above 40 organisations coordinate and integrate ties only), median",
      value: `${f.drawingMedianMs} ms`,
      target: "",
      met: null,
    },
  ];
}

// Alone: `npx tsx bench/network-map.ts` prints the figures (BENCHMARKS.md is written by bench:report).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), "netmirror-bench-map-"));
  const db = openDatabase(join(dir, "bench.db"));
  const renderer = createPdfRenderer({ logger: createLogger("warn") });
  try {
    const figures = await networkMapFigures(
      { db, clock: manualClock("2025-10-01T09:00:00Z"), views: loadViews(), renderer, charts: createChartViews() },
      3,
    );
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await renderer.close();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
