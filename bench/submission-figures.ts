// 1. Submissions: the figures, the headline at the production log level `info`.
import { type Figure, figure } from "./figures";
import { round } from "./stats";
import { runSubmissions } from "./submissions";

const SECTION = "Submissions: POST /api/v1/s/:token/response, 50 connections, 2 × 5 s each, interleaved";

export async function benchSubmissions(): Promise<{ figures: Figure[] }> {
  const runs = await runSubmissions({ slices: 2, sliceSeconds: 5, connections: 50 });
  const { baseline, grouped, info, warn } = runs;
  const ref = (name: string, value: number) => ({ name: `baseline ${name}`, value });
  const section = SECTION;
  const zero = { text: "0", test: (f: Figure) => f.value === 0 };
  return {
    figures: [
      figure(
        {
          section,
          name: "server req/s (LOG_LEVEL=info, the production default)",
          value: info.rps,
          unit: "req/s",
          reference: ref("req/s", baseline.rps),
        },
        { text: "≥ 60 % of baseline", test: (f) => (f.ratio ?? 0) >= 0.6 },
      ),
      figure({ section, name: "server p50 latency (info)", value: info.p50, unit: "ms", reference: ref("p50", baseline.p50) }),
      figure(
        { section, name: "server p99 latency (info)", value: info.p99, unit: "ms", reference: ref("p99", baseline.p99) },
        { text: "≤ 2× baseline", test: (f) => (f.ratio ?? Number.POSITIVE_INFINITY) <= 2 },
      ),
      figure(
        {
          section,
          name: "server errors + non-2xx (info)",
          value: info.errors + info.non2xx,
          unit: "",
          reference: ref("errors + non-2xx", baseline.errors + baseline.non2xx),
          note: `${info.ok} answered 201`,
        },
        zero,
      ),
      figure(
        {
          section,
          name: "responses stored (info)",
          value: runs.stored.info,
          unit: "rows",
          reference: { name: "201s answered", value: info.ok },
          note: "requests cut off at a slice's end may add a few",
        },
        { text: "≥ 201s", test: (f) => f.value >= (f.reference?.value ?? Number.POSITIVE_INFINITY) },
      ),
      figure({
        section,
        name: "server req/s (LOG_LEVEL=warn: no request log)",
        value: warn.rps,
        unit: "req/s",
        reference: ref("req/s", baseline.rps),
      }),
      figure({ section, name: "server p99 latency (warn)", value: warn.p99, unit: "ms", reference: ref("p99", baseline.p99) }),
      figure({ section, name: "server errors + non-2xx (warn)", value: warn.errors + warn.non2xx, unit: "" }, zero),
      figure({
        section,
        name: "server req/s (info) against the bare app with group commit",
        value: info.rps,
        unit: "req/s",
        reference: { name: "bare app, same group commit", value: grouped.rps },
        note: `the bare app itself: ${Math.round(grouped.rps)} req/s, p99 ${Math.round(grouped.p99)} ms, ${grouped.errors + grouped.non2xx} errors`,
      }),
      figure({ section, name: "request log written per request (info)", value: round(runs.logBytesPerRequest, 0), unit: "bytes" }),
    ],
  };
}
