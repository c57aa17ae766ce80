import { accessSync, constants, mkdtempSync, readdirSync, rmSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TMPFS_MAGIC = 0x01021994;

/**
 * Where the run's folder goes: a TMPDIR the developer set; else /dev/shm when it is a RAM disk with
 * room to spare; else the system's temporary folder. Every test database is opened as in production,
 * with synchronous = FULL, so each commit waits for the disk; on a RAM disk that wait is nothing,
 * while the databases stay real SQLite files. The suite took 139 and 156 s there against 156 and
 * 167 s on disk, run alternately.
 */
function parentFolder(): string {
  if (process.env.TMPDIR) return process.env.TMPDIR;
  try {
    const disk = statfsSync("/dev/shm");
    accessSync("/dev/shm", constants.W_OK);
    if (disk.type === TMPFS_MAGIC && disk.bavail * disk.bsize >= 2 * 2 ** 30) return "/dev/shm";
  } catch {
    // No /dev/shm, or not ours to write: the system's folder.
  }
  return tmpdir();
}

/**
 * One temporary folder for the whole run, removed when it ends. Set as TMPDIR before the test
 * processes start, it holds everything they make in the system's temporary folder, and so does
 * everything they start: servers, backup scripts, Chromium's profiles. A server killed with
 * SIGKILL, a worker stopped before its exit hooks or a test that fails half-way used to leave its
 * folder behind (about 30 MB a run; 4 GB had gathered in /tmp); now nothing outlives the run.
 */
export default function setup() {
  const before = process.env.TMPDIR;
  const parent = parentFolder();
  removeFoldersOfEndedRuns(parent);
  const root = mkdtempSync(join(parent, `netmirror-tests-${process.pid}-`));
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

/**
 * A run stopped with SIGKILL never reaches its teardown, and on /dev/shm its folder would hold
 * memory until the machine restarts: the next run removes the folders of runs whose process is gone.
 */
export function removeFoldersOfEndedRuns(parent: string) {
  for (const name of readdirSync(parent)) {
    const pid = /^netmirror-tests-(\d+)-/.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: running, as another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
