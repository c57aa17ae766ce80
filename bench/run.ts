// npm run bench: every figure beside its reference measured in the same run, printed as a table
// and a JSON summary, written to bench/out/summary.json and to our section of BENCHMARKS.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { benchClosing } from "./closing";
import { benchCompare } from "./compare";
import { benchEmail } from "./email";
import { type Figure, missing } from "./figures";
import { describeMachine, finish, machine } from "./machine";
import { benchPdf } from "./pdf";
import { benchPortfolio } from "./portfolio";
import { HEADING, serviceSection } from "./report-section";
import { writeSection } from "./report-support";
import { benchServerStart } from "./server-start";
import { benchSubmissions } from "./submission-figures";
import { benchSurveyPage } from "./survey-page";
import { markdownTables, textTable } from "./table";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = fileURLToPath(new URL("out/", import.meta.url));
/** The whole run must fit in 10 minutes; the PDF memory run stops at this point and says so. */
const BUDGET_MS = 9 * 60_000;

async function main() {
  process.chdir(ROOT);
  const started = Date.now();
  const env = machine();
  const sections: [string, () => Promise<{ figures: Figure[] }>][] = [
    ["Submissions", benchSubmissions],
    ["Survey page", benchSurveyPage],
    ["Server start", benchServerStart],
    ["Closing and results", () => benchClosing()],
    ["Compare", benchCompare],
    ["Email", benchEmail],
    ["National portfolio", benchPortfolio],
    ["PDF", () => benchPdf(started + BUDGET_MS)],
  ];
  const figures: Figure[] = [];
  for (const [name, run] of sections) {
    const t0 = Date.now();
    process.stderr.write(`bench: ${name}…\n`);
    try {
      figures.push(...(await run()).figures);
    } catch (err) {
      // One broken section must not cost the others' figures; the table shows the gap.
      process.stderr.write(`bench: ${name} failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      figures.push(missing(name, `${name} (failed)`, err instanceof Error ? err.message : String(err)));
    }
    process.stderr.write(`bench: ${name} took ${Math.round((Date.now() - t0) / 1000)} s\n`);
  }
  const summary = {
    seconds: Math.round((Date.now() - started) / 1000),
    machine: finish(env),
    targets: {
      met: figures.filter((f) => f.target?.met).length,
      missed: figures.filter((f) => f.target && !f.target.met).map((f) => `${f.section}: ${f.name} (${f.target?.text})`),
    },
    figures,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
  writeSection(`${ROOT}BENCHMARKS.md`, HEADING, serviceSection(summary, markdownTables(figures)));

  process.stdout.write(`netmirror bench, ${env.date}, ${summary.seconds} s\n${describeMachine(summary.machine)}\n`);
  process.stdout.write(`${textTable(figures)}\n\n${JSON.stringify(summary, null, 2)}\n`);
  // Puppeteer and undici may keep handles open for a moment; the figures are written, so end now.
  process.exit(0);
}

void main();
