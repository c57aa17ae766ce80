// The text of our BENCHMARKS.md section around the tables: when, where, how, and what missed.
import { describeMachine, type Machine } from "./machine";

interface Summary {
  seconds: number;
  machine: Machine;
  targets: { met: number; missed: string[] };
}

export const HEADING = "Service (npm run bench)";

const METHOD = `Every figure stands beside a reference measured in the same run, so that the ratio stays honest on a
busy machine. HTTP loads (autocannon in the bench's process; the server and the baseline each in their own) take
turns in 5-second slices, so that a busy moment hits the subject and its reference alike. The bare baseline
(\`bench/baseline-server.ts\`) is a minimal Hono app that parses the same body with zod and inserts the same rows
(1 response, 25 answers, 1 comment) with raw prepared statements in one transaction per request, on a database made
by the project's migrations with the same pragmas (WAL, synchronous=FULL, the same indexes). The server runs as in
production (\`node --enable-source-maps dist/server.mjs\`, the bundle \`npm start\` builds) at the production default LOG_LEVEL=info (a JSON line per request, to
a pipe the bench drains); LOG_LEVEL=warn beside it shows what the request log costs. Submissions go through the
group commit (\`src/survey/group-commit.ts\`): responses arriving in the same turn of the event loop share one
transaction and one fsync, each in its own savepoint, each acknowledged only after the commit.`;

/** Our section's body (writeSection adds the heading): run facts, method, the tables and the targets missed. */
export function serviceSection(summary: Summary, tables: string): string {
  const missed = summary.targets.missed.length ? summary.targets.missed.map((m) => `- ${m}`).join("\n") : "- none";
  return [
    `Measured ${summary.machine.date} (${summary.seconds} s) on ${describeMachine(summary.machine)}.`,
    "",
    METHOD,
    "",
    tables,
    `**Targets met: ${summary.targets.met}. Missed:**`,
    "",
    missed,
  ].join("\n");
}
