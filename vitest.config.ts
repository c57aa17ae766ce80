import { availableParallelism } from "node:os";
import { relative } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// better-sqlite3 13 needs Node-API 10 (Node 22.14): on an older Node it crashes instead of failing.
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 14)) {
  throw new Error(
    `netmirror needs Node >= 22.14, and this is ${process.version}. Run \`bash scripts/setup.sh\` once, then \`npm test\`: npm scripts use the Node 24 that setup puts in .node/.`,
  );
}

// Three parts of the suite. `npm test` runs them all together; `npm run test:unit`, `test:app` and
// `test:browser` run one (TEST_PART names it).
//   unit     pure functions: no database, no app, no browser. Seconds.
//   app      the whole app over a real SQLite file, through HTTP requests; the default for a new file.
//   browser  a real Chromium (pages, axe-core, PDFs) or a real server process.
// A new test file lands in `app` unless listed below.
const UNIT = [
  "test/connections/*.test.ts",
  "test/email/config.test.ts",
  "test/maturity/*.test.ts",
  "test/portfolio/*.test.ts",
  "test/instrument/instrument.test.ts",
  "test/lib/config.test.ts",
  "test/lib/csv.test.ts",
  "test/lib/heavy-imports.test.ts",
  "test/lib/import-graph.test.ts",
  "test/lib/module-state.test.ts",
  "test/lib/rate-limit.test.ts",
  "test/lib/translation-tables.test.ts",
  "test/members/import.test.ts",
  "test/organisations/types.test.ts",
  "test/results/breakdown.test.ts",
  "test/results/shown-scores.test.ts",
  "test/results/rounding.test.ts",
  "test/results/scoring-hand.test.ts",
  "test/results/scoring.test.ts",
  "test/results/stats.test.ts",
  "test/survey/schema-memo.test.ts",
  "test/rounds/london-time.test.ts",
];
const BROWSER = [
  "test/auth/access-matrix.test.ts",
  "test/auth/tokens-browser.test.ts",
  "test/compare/browser.test.ts",
  "test/compare/pdf.test.ts",
  "test/e2e/**/*.test.ts",
  "test/email/browser.test.ts",
  "test/email/crash.test.ts",
  "test/members-mirror/maturity-browser.test.ts",
  "test/networks/pages-browser.test.ts",
  "test/organisations/pages-browser.test.ts",
  "test/portfolio/browser/*.test.ts",
  "test/ops/*.test.ts",
  "test/reports/accessibility.test.ts",
  "test/reports/footer.test.ts",
  "test/reports/pdf-pages.test.ts",
  "test/reports/pdf.test.ts",
  "test/reports/renderer-pool.test.ts",
  "test/reports/renderer.test.ts",
  "test/reports/security.test.ts",
  "test/survey/browser.test.ts",
  "test/survey/modules-browser.test.ts",
  "test/survey/open-link-browser.test.ts",
  "test/survey/preview.test.ts",
];

const PARTS = ["browser", "app", "unit"] as const;
type Part = (typeof PARTS)[number];

/** The part a test file belongs to (its path relative to the project). */
function partOf(file: string): Part {
  if (BROWSER.some((glob) => matches(glob, file))) return "browser";
  if (UNIT.some((glob) => matches(glob, file))) return "unit";
  return "app";
}

/** The lists' globs: `*` within one folder, `**\/` across any number of folders. */
function matches(glob: string, file: string): boolean {
  const inFolder = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", "[^/]*");
  return new RegExp(`^${glob.split("**/").map(inFolder).join("(?:.*/)?")}$`).test(file);
}

const part = process.env.TEST_PART as Part | undefined;
if (part !== undefined && !PARTS.includes(part)) throw new Error(`TEST_PART must be one of ${PARTS.join(", ")}, not "${part}"`);
const ALL = ["test/**/*.test.ts"];
const SELECTED = {
  unit: { include: UNIT, exclude: [] },
  app: { include: ALL, exclude: [...UNIT, ...BROWSER] },
  browser: { include: BROWSER, exclude: [] },
  all: { include: ALL, exclude: [] },
}[part ?? "all"];

/**
 * Browser files first (they are the longest), then app, then unit, each in Vitest's own order
 * (slowest last time first, or largest first): the last minute is short files on both cores rather
 * than one long browser file on one.
 */
class BrowserFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const rank = (file: TestSpecification) => PARTS.indexOf(partOf(relative(process.cwd(), file.moduleId)));
    // Array sort is stable: each part keeps Vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    // One project for the three parts. As three Vitest projects, each had its own module graph:
    // every source file was transformed three times and the app imported once per worker per
    // project (transform 12-19 s and import 25-38 s in the summary, against 7-13 s and 14-24 s now).
    ...SELECTED,
    // Processes rather than threads: tests start servers and Chromium and some send signals.
    pool: "forks",
    // One worker per core. While the browser tests ran on the full Chromium they spent much of their
    // time waiting on it, and a third worker on two cores filled that time (231 s against 246 s with
    // two). On the headless shell Chromium needs far less CPU, and a worker beyond the cores only adds
    // contention and its own start-up: 156-157 s with two against 174-178 s with three, on 2 cores.
    maxWorkers: availableParallelism(),
    // One module graph per worker (isolate: false): importing the app (drizzle, zod, hono, vega,
    // puppeteer, templates) once per worker instead of once per file is most of the unit and app
    // files' time, and saved 70 s of CPU across the browser files. This holds because every test
    // makes its own database, clock and app, src/ keeps no module-level mutable state
    // (test/lib/module-state.test.ts), and test/support/setup.ts registers the cleanup hook in every file.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["test/support/setup.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    sequence: { sequencer: BrowserFirst },
  },
});
