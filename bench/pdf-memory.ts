// Many renders, 4 at a time, with Chromium's memory read between chunks (no page open then).
import { chromiumMemory } from "./chromium-memory";
import { timeMs } from "./stats";

export interface MemorySample {
  renders: number;
  pssMb: number;
  ussMb: number;
  processes: number;
  /** Browser restarts seen so far (a browser pid not seen before). */
  restarts: number;
}

export interface MemoryRun {
  renders: number;
  seconds: number;
  samples: MemorySample[];
  /** True when the time budget ran out before every render was done. */
  cutShort: boolean;
}

/** `total` calls of `task`, `parallel` at a time; the seconds it took. */
export async function pool(total: number, parallel: number, task: () => Promise<unknown>): Promise<number> {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started++;
      await task();
    }
  };
  return (await timeMs(() => Promise.all(Array.from({ length: parallel }, worker)))) / 1000;
}

/** Renders 4 at a time before the first sample: Chromium's memory at 4 pages at once, not at 1. */
export const WARMUP = 20;

/**
 * After WARMUP renders 4 at a time, runs `total` renders 4 at a time in chunks of `every`,
 * sampling memory before the first and after each chunk; stops early (and says so) once `deadline`
 * (epoch ms) has passed.
 */
export async function rendersWithMemory(render: () => Promise<unknown>, total: number, deadline: number, every = 50): Promise<MemoryRun> {
  await pool(WARMUP, 4, render);
  const seen = new Set<number>();
  let restarts = -1; // the first browser seen is not a restart
  const sample = (renders: number): MemorySample => {
    const m = chromiumMemory();
    for (const pid of m.browsers) {
      if (!seen.has(pid)) restarts++;
      seen.add(pid);
    }
    return { renders, pssMb: Math.round(m.pssMb), ussMb: Math.round(m.ussMb), processes: m.processes, restarts: Math.max(0, restarts) };
  };
  const samples = [sample(0)];
  let done = 0;
  let seconds = 0;
  while (done < total && Date.now() < deadline) {
    const chunk = Math.min(every, total - done);
    seconds += await pool(chunk, 4, render);
    done += chunk;
    samples.push(sample(done));
  }
  return { renders: done, seconds, samples, cutShort: done < total };
}
