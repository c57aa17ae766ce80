// Runs only the national portfolio section and prints its figures (npx tsx bench/portfolio-only.ts):
// for measuring this section without the whole bench on a shared machine.
import { fileURLToPath } from "node:url";
import { benchPortfolio } from "./portfolio";
import { textTable } from "./table";

async function main() {
  process.chdir(fileURLToPath(new URL("..", import.meta.url)));
  const { figures } = await benchPortfolio();
  process.stdout.write(`${textTable(figures)}\n\n${JSON.stringify(figures, null, 2)}\n`);
  process.exit(0);
}

void main();
