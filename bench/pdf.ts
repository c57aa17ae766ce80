// 4. PDF: the warm renderer (uncached, cached, 4 at a time, memory over 500 renders) beside a
// fresh Chromium launched for each report of the same HTML.
import { createLogger } from "../src/lib/logger";
import { createPdfRenderer } from "../src/reports/renderer";
import { benchDb } from "./bench-db";
import { demoReport } from "./demo-report";
import { type Figure, figure } from "./figures";
import { serveApp, signedIn } from "./in-process-app";
import { pool, rendersWithMemory, WARMUP } from "./pdf-memory";
import { median, p95, timeMs } from "./stats";

const SECTION = "PDF: bench/report.ts's demo-like report (en, ~12 pages), warm renderer vs a fresh Chromium per report";
const logger = createLogger("silent");

/** `deadline` (epoch ms) bounds the 500-render memory run, so that the whole bench stays within its budget. */
export async function benchPdf(deadline = Number.POSITIVE_INFINITY, renders = 500): Promise<{ figures: Figure[] }> {
  const bench = benchDb("pdf");
  // Concurrency 4 for the "4 at a time" figure (the server's default is 2); restarts at the renderer's default.
  const renderer = createPdfRenderer({ logger, concurrency: 4, maxQueue: 64 });
  const server = await serveApp(bench.db, renderer);
  try {
    const report = await demoReport(bench.db, renderer);
    const warm = () => renderer.render(report.html, report.options);
    const fresh = async () => {
      const once = createPdfRenderer({ logger });
      try {
        return await once.render(report.html, report.options);
      } finally {
        await once.close();
      }
    };
    const admin = signedIn(bench.db, "admin");
    const download = async () => {
      const res = await fetch(`${server.url}/api/v1/rounds/${report.roundId}/report.pdf`, { headers: { Cookie: admin.cookie } });
      if (res.status !== 200) throw new Error(`report.pdf answered ${res.status}`);
      return res.arrayBuffer();
    };
    for (let i = 0; i < 3; i++) await warm();
    await download(); // renders once and fills the cache

    // Interleaved, so that a busy moment of the machine hits both sides.
    const times = { fresh: [] as number[], warm: [] as number[], cached: [] as number[] };
    for (let i = 0; i < 5; i++) {
      times.fresh.push(await timeMs(fresh));
      for (let k = 0; k < 6; k++) times.warm.push(await timeMs(warm));
      for (let k = 0; k < 6; k++) times.cached.push(await timeMs(download));
    }
    const freshRate = 8 / (await pool(8, 4, fresh));
    const memory = await rendersWithMemory(warm, renders, deadline);

    const first = memory.samples[0];
    const last = memory.samples.at(-1);
    const series = memory.samples.map((m) => `${m.renders}: ${m.pssMb}/${m.ussMb}`).join(", ");
    const freshMedian = { name: "fresh Chromium per report, median of 5", value: median(times.fresh) };
    const s = SECTION;
    const done = memory.cutShort ? `${memory.renders} of ${renders} (time budget)` : String(renders);
    return {
      figures: [
        figure(
          { section: s, name: "uncached warm render, median of 30", value: median(times.warm), unit: "ms", reference: freshMedian },
          { text: "≥ 2× faster", test: (f) => (f.ratio ?? 1) <= 0.5 },
        ),
        figure({
          section: s,
          name: "uncached warm render, p95 of 30",
          value: p95(times.warm),
          unit: "ms",
          reference: { name: "fresh Chromium per report, p95 of 5", value: p95(times.fresh) },
        }),
        figure(
          {
            section: s,
            name: "cached download GET /api/v1/rounds/:id/report.pdf, median of 30",
            value: median(times.cached),
            unit: "ms",
            reference: freshMedian,
            note: `p95 ${p95(times.cached).toFixed(1)} ms`,
          },
          { text: "≥ 20× faster", test: (f) => (f.ratio ?? 1) <= 0.05 },
        ),
        figure({
          section: s,
          name: `4 concurrent renders (renderer concurrency 4), over ${memory.renders} reports`,
          value: memory.renders / memory.seconds,
          unit: "reports/s",
          reference: { name: "fresh Chromium per report, 4 at a time (8 reports)", value: freshRate },
        }),
        figure(
          {
            section: s,
            name: `Chromium PSS after ${done} renders`,
            value: last?.pssMb ?? Number.NaN,
            unit: "MB",
            reference: { name: `PSS after warm-up (${WARMUP} renders 4 at a time)`, value: first?.pssMb ?? Number.NaN },
            note: `browser restarts: ${last?.restarts ?? 0}; PSS/USS MB after N renders: ${series}`,
          },
          { text: `growth < 20 % over ${renders} renders`, test: (f) => !memory.cutShort && (f.ratio ?? Number.POSITIVE_INFINITY) < 1.2 },
        ),
        figure({
          section: s,
          name: `Chromium private memory (USS) after ${done} renders`,
          value: last?.ussMb ?? Number.NaN,
          unit: "MB",
          reference: { name: "USS after warm-up", value: first?.ussMb ?? Number.NaN },
          note: "PSS shares the binary's pages with every other Chromium on the machine; USS does not",
        }),
      ],
    };
  } finally {
    await server.close();
    await renderer.close();
    bench.close();
  }
}
