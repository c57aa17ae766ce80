// Chromium's memory as the kernel accounts it: the sum of PSS over every Chromium process started
// by this bench (RSS sums count the pages Chromium's processes share several times over).
import { readdirSync, readFileSync } from "node:fs";
import { procStat } from "../test/support/server-process";

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined; // the process ended while we looked
  }
}

/** Every live process below `root`, by walking /proc's parent links. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const ppid = Number(procStat(pid)?.[1]);
    if (!Number.isInteger(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

export interface ChromiumMemory {
  /** Sum of PSS, megabytes. */
  pssMb: number;
  /**
   * Sum of private pages (USS), megabytes. Unlike PSS it does not fall when someone else on the
   * machine starts a Chromium that shares the same binary's pages, so it shows a leak more surely.
   */
  ussMb: number;
  processes: number;
  /** Pids of browser (not renderer, GPU or utility) processes: a change means the browser was restarted. */
  browsers: number[];
}

/** PSS of the Chromium processes below this process (from /proc/<pid>/smaps_rollup). */
export function chromiumMemory(root = process.pid): ChromiumMemory {
  let kb = 0;
  let privateKb = 0;
  let processes = 0;
  const browsers: number[] = [];
  for (const pid of descendants(root)) {
    // Chromium rewrites its title, so the arguments may come back as one space-separated string.
    const cmdline = (read(`/proc/${pid}/cmdline`) ?? "").replaceAll("\0", " ");
    if (!cmdline.split(" ")[0]?.includes("chrom")) continue;
    const rollup = read(`/proc/${pid}/smaps_rollup`) ?? "";
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? Number.NaN);
    if (Number.isNaN(field("Pss"))) continue;
    kb += field("Pss");
    privateKb += field("Private_Clean") + field("Private_Dirty");
    processes++;
    if (!cmdline.includes(" --type=")) browsers.push(pid);
  }
  return { pssMb: kb / 1024, ussMb: privateKb / 1024, processes, browsers };
}
