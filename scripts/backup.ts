// npm run backup -- <file>: a consistent copy of the live database, safe while the server runs.
import { join } from "node:path";
import { loadConfig } from "../src/lib/config";
import { backupDatabase } from "../src/ops/backup";

const target = process.argv[2];
if (!target) {
  process.stderr.write("Usage: npm run backup -- <file>\n");
  process.exit(2);
}
const config = loadConfig(process.env);
const source = join(config.dataDir, "netmirror.db");
const { pages } = await backupDatabase(source, target);
process.stdout.write(`Backed up ${source} to ${target} (${pages} pages)\n`);
