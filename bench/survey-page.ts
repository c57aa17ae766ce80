// 2. The survey page GET /s/:token: its weight (HTML + CSS, no script) and its rate beside the same
// bytes served as a constant by the bare baseline.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type Child, startChild, startServerChild } from "../test/support/server-process";
import { type Figure, figure } from "./figures";
import { runInterleaved } from "./load";
import { DB_FILE, seedOpenRound, serverDirs } from "./open-round";

const SECTION = "Survey page: GET /s/:token, 50 connections, 2 × 5 s each, interleaved";
const WEIGHT_BUDGET = 30 * 1024;

interface PageWeight {
  html: number;
  css: number;
  gzipped: number;
  scripts: number;
}

async function text(url: string): Promise<string> {
  const res = await fetch(url, { headers: { Accept: "text/html" } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}

/** HTML bytes, the bytes of every stylesheet it links, and any script at all (inline or linked). */
async function weigh(base: string, path: string): Promise<{ weight: PageWeight; html: string }> {
  const html = await text(`${base}${path}`);
  const hrefs = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? "");
  const sheets = await Promise.all(hrefs.map((href) => text(new URL(href, `${base}${path}`).href)));
  const bytes = (s: string) => Buffer.byteLength(s);
  return {
    html,
    weight: {
      html: bytes(html),
      css: sheets.reduce((n, s) => n + bytes(s), 0),
      gzipped: gzipSync(html).length + sheets.reduce((n, s) => n + gzipSync(s).length, 0),
      scripts: (html.match(/<script/gi) ?? []).length,
    },
  };
}

export async function benchSurveyPage(): Promise<{ figures: Figure[] }> {
  const dir = mkdtempSync(join(tmpdir(), "bench-page-"));
  const children: Child[] = [];
  try {
    const { tokens } = seedOpenRound(dir, 2);
    const token = tokens[0] ?? "";
    const server = await startServerChild({ ...serverDirs(dir), LOG_LEVEL: "info" });
    children.push(server);
    const welcome = await weigh(server.url, `/s/${token}`);
    const theme = await weigh(server.url, `/s/${token}/theme/1`);
    const pageFile = join(dir, "page.html");
    writeFileSync(pageFile, welcome.html);
    const baseline = await startChild(
      "bench/baseline-server.ts",
      { BENCH_DB: join(dir, `baseline-${DB_FILE}`), BENCH_PAGE: pageFile },
      "baseline listening",
    );
    children.push(baseline);
    const results = await runInterleaved(
      [
        { name: "server", url: server.url, method: "GET", next: () => ({ path: `/s/${token}` }) },
        { name: "baseline", url: baseline.url, method: "GET", next: () => ({ path: "/page" }) },
      ],
      { connections: 50, slices: 2, sliceSeconds: 5 },
    );
    const s = results.get("server");
    const b = results.get("baseline");
    if (!s || !b) throw new Error("survey page load missing");
    const weightOf = (w: PageWeight) => w.html + w.css;
    const budget = { text: "≤ 30 KB", test: (f: Figure) => f.value <= WEIGHT_BUDGET };
    const section = SECTION;
    return {
      figures: [
        figure({
          section,
          name: "GET /s/:token req/s (LOG_LEVEL=info)",
          value: s.rps,
          unit: "req/s",
          reference: { name: "baseline: the same HTML as a constant", value: b.rps },
        }),
        figure({ section, name: "GET /s/:token p99 latency", value: s.p99, unit: "ms", reference: { name: "baseline p99", value: b.p99 } }),
        figure(
          { section, name: "GET /s/:token errors + non-2xx", value: s.errors + s.non2xx, unit: "" },
          { text: "0", test: (f) => f.value === 0 },
        ),
        figure(
          {
            section,
            name: "welcome page weight (HTML + CSS)",
            value: weightOf(welcome.weight),
            unit: "bytes",
            reference: { name: "budget 30 KB", value: WEIGHT_BUDGET },
            note: `HTML ${welcome.weight.html} + CSS ${welcome.weight.css}; gzipped ${welcome.weight.gzipped}`,
          },
          budget,
        ),
        figure(
          {
            section,
            name: "theme page weight (HTML + CSS), /s/:token/theme/1",
            value: weightOf(theme.weight),
            unit: "bytes",
            reference: { name: "budget 30 KB", value: WEIGHT_BUDGET },
            note: `HTML ${theme.weight.html} + CSS ${theme.weight.css}; gzipped ${theme.weight.gzipped}`,
          },
          budget,
        ),
        figure(
          { section, name: "script elements on the two pages", value: welcome.weight.scripts + theme.weight.scripts, unit: "" },
          { text: "none", test: (f) => f.value === 0 },
        ),
      ],
    };
  } finally {
    for (const child of children) await child.stop();
    for (const path of [dir, `${dir}-secrets`]) rmSync(path, { recursive: true, force: true });
  }
}
