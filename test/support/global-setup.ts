import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * One temporary folder for the whole run, removed when it ends. Set as TMPDIR before the test
 * processes start, it holds everything they make in the system's temporary folder, and so does
 * everything they start: servers, backup scripts, Chromium's profiles. A server killed with
 * SIGKILL, a worker stopped before its exit hooks or a test that fails half-way used to leave its
 * folder behind (about 30 MB a run; 4 GB had gathered in /tmp); now nothing outlives the run.
 */
export default function setup() {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), "netmirror-tests-"));
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    try {
      // Retries: a Chromium killed by the last test may still be writing its profile.
      rmSync(root, { recursive: true, force: true, maxRetries: 5 });
    } catch (err) {
      console.warn(`Could not remove the tests' temporary folder ${root}: ${err}`);
    }
  };
}
