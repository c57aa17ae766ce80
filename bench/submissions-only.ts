// npx tsx bench/submissions-only.ts: only the submissions section of `npm run bench`, printed as its
// table (nothing written to BENCHMARKS.md), for checking a change to the members' hot path alone.
import { fileURLToPath } from "node:url";
import { describeMachine, finish, machine } from "./machine";
import { benchSubmissions } from "./submission-figures";
import { textTable } from "./table";

async function main() {
  process.chdir(fileURLToPath(new URL("..", import.meta.url)));
  const env = machine();
  const { figures } = await benchSubmissions();
  process.stdout.write(`${describeMachine(finish(env))}\n${textTable(figures)}\n`);
  process.exit(0);
}

void main();
