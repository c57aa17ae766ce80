// npm run restore -- <file>: checks the backup's integrity, then replaces the database. Stop the server first.
import { join } from "node:path";
import { loadConfig } from "../src/lib/config";
import { restoreDatabase } from "../src/ops/backup";

const file = process.argv[2];
if (!file) {
  process.stderr.write("Usage: npm run restore -- <file>\n");
  process.exit(2);
}
const config = loadConfig(process.env);
const target = join(config.dataDir, "netmirror.db");
try {
  await restoreDatabase(file, target);
  process.stdout.write(`Restored ${target} from ${file}\n`);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
